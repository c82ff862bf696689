package io.prodline.train.evaluate;

/**
 * Probability clipping for log loss. A probability of exactly 0 for the true class would make log
 * loss infinite, so probabilities are clipped to {@code [EPS, 1 - EPS]} with {@code EPS} the machine epsilon of
 * float64 (2^-52 ≈ 2.22e-16), which is what scikit-learn's {@code log_loss(eps="auto")} uses for float64 input
 * (the default since 1.2; older versions clipped at 1e-15).
 */
final class LogLoss {
  static final double EPS = Math.ulp(1.0);

  private LogLoss() {}

  /** {@code p} clipped to {@code [EPS, 1 - EPS]}. */
  static double clip(double p) {
    return Math.min(Math.max(p, EPS), 1 - EPS);
  }
}
