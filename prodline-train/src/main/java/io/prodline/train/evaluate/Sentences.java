package io.prodline.train.evaluate;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for the human sentences of blessings and fairness flags: six significant digits. */
final class Sentences {
  private Sentences() {}

  static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "undefined" : value > 0 ? "infinite" : "-infinite";
    }
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** {@code roc_auc on overall}, {@code rmse on country=DE}. */
  static String subject(Metric metric, String slice) {
    return metric.key() + " on " + slice;
  }
}
