package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written, which Jackson's own tree forgets. Every error about a pipeline
 * file points at a line through these.
 *
 * @param fields for a map: its entries in order (null otherwise)
 * @param keyLocations for a map: where each key was written
 * @param items for a list: its items (null otherwise)
 * @param scalar for a scalar: its value (null otherwise)
 */
record YamlNode(Location location, Map<String, YamlNode> fields, Map<String, Location> keyLocations,
    List<YamlNode> items, JsonNode scalar) {

  boolean isMap() {
    return fields != null;
  }

  boolean isList() {
    return items != null;
  }

  /** What kind of value this is, for messages ("a map", "a list", "the text 'x'"). */
  String describe() {
    if (isMap()) {
      return "a map";
    }
    if (isList()) {
      return "a list";
    }
    return scalar.isTextual() ? "the text '" + scalar.asText() + "'" : "the value " + scalar;
  }

  /** The value as a plain Jackson tree, locations dropped. */
  JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (isMap()) {
      ObjectNode o = f.objectNode();
      fields.forEach((k, v) -> o.set(k, v.toJson()));
      return o;
    }
    if (isList()) {
      ArrayNode a = f.arrayNode();
      items.forEach(i -> a.add(i.toJson()));
      return a;
    }
    return scalar;
  }

  static YamlNode map(Location location) {
    return new YamlNode(location, new LinkedHashMap<>(), new LinkedHashMap<>(), null, null);
  }
}
