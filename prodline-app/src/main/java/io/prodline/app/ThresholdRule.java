package io.prodline.app;

import io.prodline.train.evaluate.ChangeKind;
import io.prodline.train.evaluate.Metric;
import io.prodline.train.evaluate.MetricThreshold;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a threshold given on the command line, e.g. {@code roc_auc>=0.95} or {@code sex=f:recall~0.02}. */
final class ThresholdRule {
  private static final Pattern RULE = Pattern.compile("(?:(.+):)?([a-z0-9_]+)\\s*(>=|<=|~)\\s*(-?[0-9.eE+-]+)");

  private ThresholdRule() {}

  static MetricThreshold parse(String text) {
    Matcher m = RULE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("threshold '" + text + "' is not metric>=value, metric<=value or "
          + "metric~tolerance (optionally slice: before it)");
    }
    MetricThreshold t = MetricThreshold.on(Metric.fromKey(m.group(2)));
    if (m.group(1) != null) {
      t = t.inSlice(m.group(1));
    }
    double value = Double.parseDouble(m.group(4));
    return switch (m.group(3)) {
      case ">=" -> t.atLeast(value);
      case "<=" -> t.atMost(value);
      default -> t.noWorseThanBaseline(ChangeKind.ABSOLUTE, value);
    };
  }
}
