package io.prodline.app;

import io.prodline.train.evaluate.Blessing;
import io.prodline.train.evaluate.Evaluation;
import io.prodline.train.evaluate.FairnessFlag;
import io.prodline.train.evaluate.Reason;
import io.prodline.train.evaluate.SliceMetrics;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints an evaluation for a person: overall metrics beside the baseline's, slices, and the verdict. */
final class EvaluationPrinter {
  private EvaluationPrinter() {}

  static void print(Evaluation candidate, Evaluation baseline, Blessing blessing, boolean judged, PrintWriter out) {
    out.printf(Locale.ROOT, "Evaluated a %s model on %d rows.%n", candidate.task().fileName(),
        candidate.overall().count());
    out.printf(Locale.ROOT, "  %-20s %12s%s%n", "metric", "model", baseline == null ? "" : String.format(
        Locale.ROOT, " %12s %12s", "baseline", "change"));
    for (Map.Entry<String, Double> m : candidate.overall().metrics().entrySet()) {
      Double b = baseline == null ? null : baseline.overall().metrics().get(m.getKey());
      out.printf(Locale.ROOT, "  %-20s %12s%s%n", m.getKey(), number(m.getValue()), baseline == null ? ""
          : String.format(Locale.ROOT, " %12s %12s", number(b),
              b == null || m.getValue() == null ? "" : String.format(Locale.ROOT, "%+.4f", m.getValue() - b)));
    }
    for (SliceMetrics s : candidate.slices()) {
      out.printf(Locale.ROOT, "  slice %-30s %6d rows  %s%n", s.slice(), s.count(), headline(s));
    }
    for (FairnessFlag f : blessing.fairnessFlags()) {
      out.println("  FLAG " + f.sentence());
    }
    if (!judged) {
      return;
    }
    out.println(blessing.blessed() ? "BLESSED: every threshold passed." : "NOT BLESSED:");
    for (Reason r : blessing.reasons()) {
      out.println("  " + (r.passed() ? "ok   " : "FAIL ") + r.sentence());
    }
  }

  private static String headline(SliceMetrics s) {
    StringBuilder sb = new StringBuilder();
    s.metrics().entrySet().stream().limit(3).forEach(e -> sb.append(e.getKey()).append(' ')
        .append(number(e.getValue())).append("  "));
    return sb.toString().strip();
  }

  private static String number(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}
