package io.prodline.data.source.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.data.source.SourceOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Decides the columns: a declared schema as given; otherwise every key met in the sample (the first
 * {@code sampleRows} lines), in order of first appearance, typed by {@link JsonTypeGuess} unless declared in
 * the options' types. A declared type for a key the sample lacks adds that column at the end.
 *
 * <p>Lines that cannot be parsed say nothing about types; they are queued like the rest and reported when read
 * as data.
 */
final class JsonSchemaResolver {
  private final JsonFactory json;
  private final SourceOptions options;

  JsonSchemaResolver(JsonFactory json, SourceOptions options) {
    this.json = json;
    this.options = options;
  }

  /** The columns, and the names whose type was inferred; fills {@code sample} with the lines read ahead. */
  List<Field> resolve(LineReader lines, Queue<Line> sample, Set<String> inferred) {
    if (!options.schema().isEmpty()) {
      return options.schema();
    }
    Map<String, JsonTypeGuess> guesses = new LinkedHashMap<>();
    Line line;
    while (sample.size() < options.sampleRows() && (line = lines.next()) != null) {
      sample.add(line);
      if (line.error() == null) {
        observe(line.utf8(), guesses);
      }
    }
    List<Field> fields = new ArrayList<>();
    guesses.forEach((name, guess) -> {
      ColumnType declared = options.types().get(name);
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

  private void observe(byte[] utf8, Map<String, JsonTypeGuess> guesses) {
    Map<String, JsonTypeGuess> seen = new LinkedHashMap<>();
    try (JsonParser parser = json.createParser(utf8)) {
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
