package io.prodline.pipeline.export;

import io.prodline.core.error.ProdlineException;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.Step;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names as Kubernetes and Argo accept them. Step names may hold {@code _} and capitals, which Argo refuses in
 * template and task names (they end up in pod names, DNS labels), so each step gets a lower-case name with
 * {@code -} instead; two steps that would get the same name are an error rather than a silent merge.
 */
final class ArgoNames {
  /** A pod name is the task name plus Argo's suffixes; 63 is a DNS label's limit, so leave room. */
  private static final int MAX = 40;

  private ArgoNames() {}

  /** Step name → task and template name, in the pipeline's order. */
  static Map<String, String> tasks(Pipeline pipeline) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> taken = new HashMap<>();
    for (Step step : pipeline.steps()) {
      String name = label(step.name());
      String other = taken.putIfAbsent(name, step.name());
      if (other != null) {
        throw new ProdlineException("steps '" + other + "' and '" + step.name() + "' would both be named '" + name
            + "' in Argo, which allows only lower-case letters, digits and '-'; rename one of them");
      }
      out.put(step.name(), name);
    }
    return out;
  }

  /** The workflow's {@code generateName}: the pipeline's name as a label, then '-' for Argo's random suffix. */
  static String generateName(String pipeline) {
    return label(pipeline) + "-";
  }

  static String label(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > MAX) {
      s = s.substring(0, MAX).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "step" : s;
  }
}
