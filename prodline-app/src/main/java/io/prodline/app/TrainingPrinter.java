package io.prodline.app;

import io.prodline.train.TrainingResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints what a training run did and how good the model is, for a person at a terminal. */
final class TrainingPrinter {
  private TrainingPrinter() {}

  static void print(TrainingResult r, PrintStream out) {
    out.printf(Locale.ROOT, "Trained %s (%s, label '%s'%s) on %d rows; evaluated on %d held-out rows.%n",
        r.spec().modelName(), r.labels().task().fileName(), r.labels().label(),
        r.labels().classes().isEmpty() ? "" : ", classes " + r.labels().classes(),
        r.trainRows().rowCount(), r.evalRows().rowCount());
    if (r.droppedRows() > 0) {
      out.printf(Locale.ROOT, "  %d rows without a label were left out.%n", r.droppedRows());
    }
    for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
      out.printf(Locale.ROOT, "  %-10s %.4f%n", m.getKey(), m.getValue());
    }
    // An external trainer's own figures, beside prodline's rather than instead of them, when both exist.
    if (r.evalPredictions().length > 0 && !r.model().reportedMetrics().isEmpty()) {
      out.println("  The trainer reported:");
      for (Map.Entry<String, Double> m : r.model().reportedMetrics().entrySet()) {
        out.printf(Locale.ROOT, "    %-10s %.4f%n", m.getKey(), m.getValue());
      }
    }
  }
}
