package io.prodline.pipeline.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a YAML document into {@link YamlNode}s with their lines, straight from Jackson's streaming parser.
 * Syntax errors and duplicate keys become {@link Problem}s at their line.
 */
final class YamlTreeReader {
  private static final YAMLFactory YAML = new YAMLFactory();
  private final Path file;
  private final List<Problem> problems;

  private YamlTreeReader(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The document's root, or null (with a problem added) when the text is not YAML or is empty. */
  static YamlNode read(Path file, String text, List<Problem> problems) {
    YamlTreeReader reader = new YamlTreeReader(file, problems);
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(new Problem(new Location(file, 1, 1), "the file is empty; a pipeline needs 'name' and 'steps'"));
        return null;
      }
      return reader.value(p);
    } catch (JsonProcessingException e) {
      problems.add(new Problem(reader.at(e.getLocation()), "not valid YAML: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private YamlNode value(JsonParser p) throws IOException {
    Location here = at(p.currentTokenLocation());
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      YamlNode map = YamlNode.map(here);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Location keyAt = at(p.currentTokenLocation());
        p.nextToken();
        YamlNode v = value(p);
        if (map.fields().containsKey(key)) {
          problems.add(new Problem(keyAt, "key '" + key + "' is written twice (first at line "
              + map.keyLocations().get(key).line() + "); keep one"));
          continue;
        }
        map.fields().put(key, v);
        map.keyLocations().put(key, keyAt);
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(p));
      }
      return new YamlNode(here, null, null, items, null);
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    return new YamlNode(here, null, null, null, switch (token) {
      case VALUE_STRING -> f.textNode(p.getText());
      case VALUE_NUMBER_INT -> f.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> f.booleanNode(true);
      case VALUE_FALSE -> f.booleanNode(false);
      default -> f.nullNode();
    });
  }

  private Location at(JsonLocation location) {
    return location == null ? new Location(file, 0, 0)
        : new Location(file, location.getLineNr(), location.getColumnNr());
  }
}
