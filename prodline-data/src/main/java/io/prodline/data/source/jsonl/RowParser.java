package io.prodline.data.source.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.data.source.FrameAssembler;
import io.prodline.data.source.chunk.Chunk;
import io.prodline.data.source.chunk.ParsedChunk;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one line, a JSON object, into a staged row of a {@link FrameAssembler}: each key's value goes to its
 * column, converted to the column's type; keys the object lacks stay null. A line that is not one JSON object,
 * a key that is not a column or appears twice, or a value that does not fit its column is a
 * {@link DataFormatException} naming the line, and the row is not committed.
 *
 * <p>Into a string column any value goes: a string as is, a number or boolean as its JSON text, an object or
 * array as its compact JSON text.
 */
final class RowParser {
  private static final double TWO_TO_63 = 0x1p63;

  private final String source;
  private final JsonFactory json;
  private final List<Field> schema;
  private final Set<String> inferred;
  private final int sampleRows;
  private final Map<String, Integer> index = new HashMap<>();

  RowParser(String source, JsonFactory json, List<Field> schema, Set<String> inferred, int sampleRows) {
    this.source = source;
    this.json = json;
    this.schema = schema;
    this.inferred = inferred;
    this.sampleRows = sampleRows;
    for (int i = 0; i < schema.size(); i++) {
      index.put(schema.get(i).name(), i);
    }
  }

  /**
   * The rows of a chunk's lines as a frame, and the bad lines left out, in order. Safe to call from several
   * threads at once: every call works on its own state.
   */
  ParsedChunk parse(Chunk chunk) {
    FrameAssembler rows = new FrameAssembler(schema);
    boolean[] seen = new boolean[schema.size()];
    List<DataFormatException> badLines = new ArrayList<>(0);
    ChunkLines lines = new ChunkLines(source, chunk);
    for (Line line = lines.next(); line != null; line = lines.next()) {
      try {
        parse(line, rows, seen);
      } catch (DataFormatException e) {
        badLines.add(e);
      }
    }
    return new ParsedChunk(rows.build(), badLines, null);
  }

  /**
   * Stages the line's values and commits the row; throws, leaving the row uncommitted, if the line is bad.
   * {@code seen} marks the keys read so far.
   */
  private void parse(Line line, FrameAssembler row, boolean[] seen) {
    if (line.error() != null) {
      throw line.error();
    }
    row.beginRow();
    Arrays.fill(seen, false);
    try (JsonParser parser = json.createParser(line.bytes(), line.from(), line.to() - line.from())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw bad(line, "expected a JSON object ({...}) on each line but found " + parser.currentToken());
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        Integer column = index.get(name);
        if (column == null) {
          throw bad(line, "key '" + name + "' is not a column; the columns are the keys of the first "
              + sampleRows + " lines (the type-inference sample): declare a schema that has it, or enlarge the"
              + " sample");
        }
        if (seen[column]) {
          throw bad(line, "key '" + name + "' appears twice in the object");
        }
        seen[column] = true;
        stage(line, column, parser.nextToken(), parser, row);
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw bad(line, "expected one JSON object per line, but the line goes on after the object");
      }
    } catch (JsonProcessingException e) {
      throw bad(line, "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
          + "); a line may be cut short or hold more than one line's object");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // parsing bytes in memory does no I/O
    }
    row.commitRow();
  }

  private void stage(Line line, int column, JsonToken token, JsonParser parser, FrameAssembler row)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    ColumnType type = schema.get(column).type();
    switch (type) {
      case INT64 -> row.setInt64(column, int64(line, column, token, parser));
      case FLOAT64 -> {
        if (!token.isNumeric()) {
          throw misfit(line, column, token, parser);
        }
        row.setFloat64(column, parser.getDoubleValue());
      }
      case BOOL -> {
        if (!token.isBoolean()) {
          throw misfit(line, column, token, parser);
        }
        row.setBool(column, token == JsonToken.VALUE_TRUE);
      }
      case STRING -> row.setString(column, token.isStructStart() ? jsonText(parser) : parser.getText());
    }
  }

  /** An integer, or a float that holds an exact 64-bit integer such as {@code 3.0}. */
  private long int64(Line line, int column, JsonToken token, JsonParser parser) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return parser.getLongValue();
    }
    if (token.isNumeric()) {
      double value = parser.getDoubleValue();
      if (value == Math.rint(value) && Math.abs(value) < TWO_TO_63) {
        return (long) value;
      }
    }
    throw misfit(line, column, token, parser);
  }

  private String jsonText(JsonParser parser) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = json.createGenerator(text)) {
      generator.copyCurrentStructure(parser);
    }
    return text.toString();
  }

  private DataFormatException misfit(Line line, int column, JsonToken token, JsonParser parser)
      throws IOException {
    Field field = schema.get(column);
    String value = switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "\"" + parser.getText() + "\"";
      default -> parser.getText();
    };
    String fix = inferred.contains(field.name())
        ? "declare the column as string, or increase the inference sample (sampleRows, now " + sampleRows
            + ") so that it sees such values"
        : "correct the value or declare the column as string";
    return bad(line, "key '" + field.name() + "' is " + field.type().fileName() + " but has the value " + value
        + ", which is " + expected(field.type()) + "; " + fix);
  }

  private static String expected(ColumnType type) {
    return switch (type) {
      case INT64 -> "not a 64-bit integer";
      case FLOAT64 -> "not a number";
      case BOOL -> "neither true nor false";
      case STRING -> throw new IllegalStateException("every value fits a string");
    };
  }

  private DataFormatException bad(Line line, String problem) {
    return new DataFormatException(source, line.number(), problem);
  }
}
