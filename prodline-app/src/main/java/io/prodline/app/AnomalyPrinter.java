package io.prodline.app;

import io.prodline.data.validation.Anomaly;
import io.prodline.data.validation.Severity;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints anomalies one per line, errors first, each with its sentence, for a person reading a terminal or CI log. */
final class AnomalyPrinter {
  private AnomalyPrinter() {}

  static void print(List<Anomaly> anomalies, String whenNone, PrintStream out) {
    if (anomalies.isEmpty()) {
      out.println(whenNone);
      return;
    }
    long errors = anomalies.stream().filter(a -> a.severity() == Severity.ERROR).count();
    long warnings = anomalies.size() - errors;
    out.printf(Locale.ROOT, "%d %s: %d %s, %d %s%n", anomalies.size(),
        anomalies.size() == 1 ? "anomaly" : "anomalies", errors,
        errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings");
    for (Anomaly a : anomalies) {
      out.printf(Locale.ROOT, "  %-7s %-18s %s%n", a.severity().fileName(), a.type().fileName(), a.description());
    }
  }
}
