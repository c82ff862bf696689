package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the wire format, so requests are parsed and answers written the same way
 * everywhere.
 */
public final class Json {
  /**
   * Strict reading (a duplicate key or trailing garbage is a client error, not silently "last one wins"),
   * snake_case property names as TF Serving uses, and the shortest float representation that parses back to
   * the same float.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .build();

  /**
   * Reads prediction request bodies: strict like {@link #MAPPER} (duplicate keys are errors), but takes the
   * non-standard tokens {@code NaN} and {@code Infinity}, as TF Serving's JSON does, so that a decoder can refuse
   * them with a sentence naming the feature rather than a parser message, or accept them when the server allows
   * NaN ({@link NonFiniteInputs}).
   */
  public static final JsonFactory REQUESTS = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  /** Request bodies read whole as trees, with {@link #REQUESTS}'s rules; trailing garbage is an error. */
  public static final ObjectMapper REQUEST_TREES = JsonMapper.builder(REQUESTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }
}
