package io.prodline.pipeline.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Step;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cache key of a step: the SHA-256 of a canonical JSON document holding the component's name and version, the
 * step's {@code cache_version}, its configuration with defaults filled in and keys sorted, and the content
 * fingerprints of everything it reads — upstream artifacts, files named in its configuration, and any outside
 * state the component declares. Paths are left out on purpose: the same bytes under another name give the same
 * key. Equal keys mean equal outputs, which is the whole contract of a component.
 */
public final class CacheKey {
  private CacheKey() {}

  /**
   * @param inputs input name → artifact fingerprint
   * @param files file parameter name → file fingerprint
   * @param extra the component's {@link io.prodline.pipeline.model.Component#extraCacheInputs}
   */
  public static String of(Step step, Map<String, String> inputs, Map<String, String> files,
      Map<String, String> extra) {
    return ContentFingerprint.sha256(document(step, inputs, files, extra).getBytes(StandardCharsets.UTF_8));
  }

  private static String document(Step step, Map<String, String> inputs, Map<String, String> files,
      Map<String, String> extra) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("component", step.component().name());
    doc.put("version", step.component().version());
    doc.put("cache_version", step.cacheVersion());
    ObjectNode config = step.config().json();
    for (Parameter p : step.component().parameters()) {
      if (p.type() == ParameterType.FILE) {
        config.remove(p.name());
      }
    }
    doc.set("config", canonical(config));
    doc.set("inputs", sorted(inputs));
    doc.set("files", sorted(files));
    doc.set("extra", sorted(extra));
    return doc.toString();
  }

  private static ObjectNode sorted(Map<String, String> map) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    new TreeMap<>(map).forEach(o::put);
    return o;
  }

  /** A copy with every object's keys in sorted order, so the text does not depend on how it was written. */
  static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      new TreeSet<String>(iterable(node.fieldNames())).forEach(k -> o.set(k, canonical(node.get(k))));
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> a.add(canonical(n)));
      return a;
    }
    if (node.isNumber() && node.isIntegralNumber()) {
      return JsonNodeFactory.instance.numberNode(node.asLong());
    }
    return node;
  }

  private static java.util.List<String> iterable(java.util.Iterator<String> it) {
    java.util.List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
