package io.prodline.core.runtime.xgboost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads XGBoost's JSON into the generic document model shared with {@link UbjsonDocumentReader}: {@code Map},
 * {@code List}, {@code String}, {@code Boolean}, {@code Long}, {@code Float}, {@code null}.
 *
 * <p>Why not Jackson's tree model: it parses every real number to a double, and rounding that double to float can
 * differ from rounding the decimal text to float directly. XGBoost writes every real number as the shortest text of
 * a float32, so this reader parses reals straight to {@code Float} ({@link JsonParser#getFloatValue()}, with
 * Jackson's fast parser, which rounds correctly), which gives back the exact bits XGBoost saved.
 */
final class JsonDocumentReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();

  private JsonDocumentReader() {}

  /** Reads one JSON value; the caller closes {@code in}. */
  static Object read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ModelFormatException("the file is empty");
      }
      Object value = readValue(p, first);
      if (p.nextToken() != null) {
        throw new ModelFormatException("unexpected content after the JSON document at line "
            + p.currentLocation().getLineNr());
      }
      return value;
    }
  }

  private static Object readValue(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = p.currentName();
          object.put(key, readValue(p, p.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        List<Object> array = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(readValue(p, t));
        }
        return array;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new ModelFormatException("integer " + p.getText() + " is too large");
        }
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getFloatValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new ModelFormatException("unexpected JSON token " + token);
    }
  }
}
