package io.prodline.train.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects a slice's metric values in report order. An undefined metric (ROC-AUC with one class, R² of one
 * example) is kept as a {@code null} value with a reason, so JSON never carries NaN and readers learn why.
 */
final class MetricValues {
  private final Map<String, Double> values = new LinkedHashMap<>();
  private final Map<String, String> undefined = new LinkedHashMap<>();

  void put(Metric metric, double value) {
    if (Double.isNaN(value)) {
      throw new IllegalStateException(metric.key() + " computed as NaN without a reason");
    }
    values.put(metric.key(), value);
  }

  void undefined(Metric metric, String reason) {
    values.put(metric.key(), null);
    undefined.put(metric.key(), reason);
  }

  /** Puts {@code value}, or records it as undefined for {@code reason} when it is NaN. */
  void putOrUndefined(Metric metric, double value, String reason) {
    if (Double.isNaN(value)) {
      undefined(metric, reason);
    } else {
      put(metric, value);
    }
  }

  Map<String, Double> values() {
    return Collections.unmodifiableMap(values);
  }

  Map<String, String> undefined() {
    return Collections.unmodifiableMap(undefined);
  }
}
