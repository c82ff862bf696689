package io.prodline.data.source.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.source.chunk.Chunk;
import io.prodline.data.source.chunk.ChunkSplitter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the columns: a declared schema as given; otherwise every key met in the sample (the first
 * {@code sampleRows} lines), in order of first appearance, typed by {@link JsonTypeGuess} unless declared in
 * the options' types. A declared type for a key the sample lacks adds that column at the end.
 *
 * <p>Lines that cannot be parsed say nothing about types; they are reported when the file is read as data.
 */
final class JsonSchemaResolver {
  private final JsonFactory json;
  private final SourceOptions options;

  JsonSchemaResolver(JsonFactory json, SourceOptions options) {
    this.json = json;
    this.options = options;
  }

  /**
   * The columns, and the names whose type was inferred, from the first {@code sampleRows} lines of the
   * {@code splitter}'s file (unless a schema is declared); the data is read again from a fresh stream, so the
   * sample lines need not be kept.
   */
  List<Field> resolve(String source, ChunkSplitter splitter, Set<String> inferred) {
    if (!options.schema().isEmpty()) {
      return options.schema();
    }
    Map<String, JsonTypeGuess> guesses = new LinkedHashMap<>();
    int sampled = 0;
    Chunk chunk;
    while (sampled < options.sampleRows()
        && (chunk = splitter.next(options.sampleRows() - sampled, ChunkSplitter.DEFAULT_CHUNK_BYTES)) != null) {
      ChunkLines lines = new ChunkLines(source, chunk);
      for (Line line = lines.next(); line != null; line = lines.next()) {
        sampled++;
        if (sampled == 1) {
          refuseArray(source, line);
        }
        if (line.error() == null) {
          observe(line, guesses);
        }
      }
    }
    List<Field> fields = new ArrayList<>();
    guesses.forEach((name, guess) -> {
      ColumnType declared = options.types().getOrDefault(name, options.typeHints().get(name));
      if (declared == null) {
        inferred.add(name);
      }
      fields.add(new Field(name, declared != null ? declared : guess.type()));
    });
    options.types().forEach((name, type) -> {
      if (!guesses.containsKey(name)) {
        fields.add(new Field(name, type));
      }
    });
    return fields;
  }

  /**
   * Fails on a first line that opens a JSON array: most likely a {@code .json} file that is one array of objects,
   * whose lines would otherwise each be a bad row (or leave no column at all), with no word of what to do.
   */
  private static void refuseArray(String source, Line line) {
    int i = line.from();
    while (i < line.to() && Character.isWhitespace(line.bytes()[i])) {
      i++;
    }
    if (i < line.to() && line.bytes()[i] == '[') {
      throw new DataFormatException(source, line.number(), "the line holds a JSON array, not an object: prodline "
          + "reads JSON lines, one object ({...}) per line; a file that is one JSON array of objects converts with "
          + "jq -c '.[]' in.json > in.jsonl");
    }
  }

  private void observe(Line line, Map<String, JsonTypeGuess> guesses) {
    Map<String, JsonTypeGuess> seen = new LinkedHashMap<>();
    try (JsonParser parser = json.createParser(line.bytes(), line.from(), line.to() - line.from())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        JsonTypeGuess guess = seen.computeIfAbsent(name, n -> new JsonTypeGuess());
        if (value != JsonToken.VALUE_NULL) {
          guess.observe(value, parser);
        }
        parser.skipChildren();
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return;
      }
    } catch (IOException e) {
      return; // not valid JSON: reported when the line is read as data
    }
    // Only a line that parsed whole counts, so a truncated line cannot skew the types.
    seen.forEach((name, observed) -> guesses.merge(name, observed, JsonTypeGuess::merge));
  }
}
