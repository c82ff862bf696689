package io.prodline.app;

import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Schema;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints one line per feature of a schema, so a person sees what was inferred before opening the YAML. */
final class SchemaSummary {
  private static final int DOMAIN_SHOWN = 6;

  private SchemaSummary() {}

  static void print(Schema schema, PrintStream out) {
    out.printf(Locale.ROOT, "  %-24s %-8s %-12s %9s  %s%n", "feature", "type", "kind", "presence", "constraints");
    for (FeatureSchema f : schema.features()) {
      out.printf(Locale.ROOT, "  %-24s %-8s %-12s %8.1f%%  %s%n", f.name(), f.type().fileName(),
          f.kind().fileName(), f.presence().minFraction() * 100, constraints(f));
    }
  }

  private static String constraints(FeatureSchema f) {
    List<String> parts = new ArrayList<>();
    if (!f.domain().isEmpty()) {
      List<String> shown = f.domain().subList(0, Math.min(DOMAIN_SHOWN, f.domain().size()));
      parts.add("domain " + shown + (f.domain().size() > DOMAIN_SHOWN
          ? " and " + (f.domain().size() - DOMAIN_SHOWN) + " more" : ""));
    }
    if (f.range() != null) {
      parts.add("range [" + f.range().min() + ", " + f.range().max() + "]");
    }
    if (f.allowNan()) {
      parts.add("NaN allowed");
    }
    if (f.allowInfinite()) {
      parts.add("infinities allowed");
    }
    return String.join("; ", parts);
  }
}
