package io.prodline.train.evaluate;

import static io.prodline.train.evaluate.Sentences.number;
import static io.prodline.train.evaluate.Sentences.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one {@link MetricThreshold} against a candidate's evaluation and, for the change condition, a
 * baseline's: one {@link Reason} per condition. A value the candidate lacks (slice absent or empty, metric
 * undefined) fails, since a model cannot be shown to meet the bar; a missing baseline, or a baseline without the
 * value, skips the comparison and passes, so the first model of a project can be blessed.
 */
final class ThresholdCheck {
  private ThresholdCheck() {}

  static List<Reason> check(MetricThreshold t, Evaluation candidate, Evaluation baseline) {
    Metric metric = t.metric();
    String subject = subject(metric, t.slice());
    List<Reason> reasons = new ArrayList<>();
    Optional<SliceMetrics> slice = candidate.slice(t.slice());
    Double value = slice.map(s -> s.value(metric)).orElse(null);
    if (value == null) {
      String why = slice.map(s -> s.whyUndefined(metric)).orElse("the candidate's evaluation has no such slice");
      for (String check : conditions(t)) {
        reasons.add(new Reason(false, metric.key(), t.slice(), check,
            "The " + subject + " cannot be checked (" + check.replace('_', ' ') + "): " + why + "."));
      }
      return reasons;
    }
    if (t.lowerBound() != null) {
      boolean ok = value >= t.lowerBound();
      reasons.add(new Reason(ok, metric.key(), t.slice(), Reason.LOWER_BOUND, "The " + subject + " is "
          + number(value) + (ok ? ", at least " : ", below ") + "the required minimum of " + number(t.lowerBound())
          + "."));
    }
    if (t.upperBound() != null) {
      boolean ok = value <= t.upperBound();
      reasons.add(new Reason(ok, metric.key(), t.slice(), Reason.UPPER_BOUND, "The " + subject + " is "
          + number(value) + (ok ? ", within " : ", above ") + "the allowed maximum of " + number(t.upperBound())
          + "."));
    }
    if (t.change() != null) {
      reasons.add(checkChange(t, value, baseline));
    }
    return reasons;
  }

  private static List<String> conditions(MetricThreshold t) {
    List<String> checks = new ArrayList<>();
    if (t.lowerBound() != null) {
      checks.add(Reason.LOWER_BOUND);
    }
    if (t.upperBound() != null) {
      checks.add(Reason.UPPER_BOUND);
    }
    if (t.change() != null) {
      checks.add(Reason.CHANGE);
    }
    return checks;
  }

  private static Reason checkChange(MetricThreshold t, double value, Evaluation baseline) {
    Metric metric = t.metric();
    String subject = subject(metric, t.slice());
    if (baseline == null) {
      return new Reason(true, metric.key(), t.slice(), Reason.CHANGE,
          "There is no baseline model, so the change in " + subject + " was not checked.");
    }
    Optional<SliceMetrics> slice = baseline.slice(t.slice());
    Double reference = slice.map(s -> s.value(metric)).orElse(null);
    if (reference == null) {
      String why = slice.map(s -> s.whyUndefined(metric)).orElse("the baseline's evaluation has no such slice");
      return new Reason(true, metric.key(), t.slice(), Reason.CHANGE,
          "The baseline has no " + subject + " (" + why + "), so the change was not checked.");
    }
    MetricThreshold.Change change = t.change();
    double worsening = change.kind().measure(t.direction().worsening(value, reference), reference);
    boolean ok = worsening <= change.tolerance();
    String delta = (value >= reference ? "+" : "") + change.kind().format(
        change.kind().measure(value - reference, reference));
    String verdict;
    if (worsening <= 0) {
      verdict = ok ? "no worse" : "but the required improvement is " + change.kind().format(-change.tolerance());
    } else {
      verdict = (ok ? "worse by no more than the allowed " : "worse by more than the allowed ")
          + change.kind().format(change.tolerance());
    }
    return new Reason(ok, metric.key(), t.slice(), Reason.CHANGE, "The " + subject + " is " + number(value)
        + " against the baseline's " + number(reference) + " (" + delta + "), " + verdict + ".");
  }
}
