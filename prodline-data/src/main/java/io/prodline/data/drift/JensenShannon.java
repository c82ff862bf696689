package io.prodline.data.drift;

/**
 * Jensen–Shannon divergence with log base 2: {@code JS(p, q) = KL(p || m) / 2 + KL(q || m) / 2} with
 * {@code m = (p + q) / 2} and {@code KL(p || m) = sum p_i log2(p_i / m_i)}, terms with {@code p_i = 0} being 0.
 * Within [0, 1]; no smoothing is needed since {@code m_i > 0} wherever {@code p_i > 0}. This is the square of
 * scipy's {@code jensenshannon(p, q, base=2)}, which returns the distance.
 */
final class JensenShannon {
  private JensenShannon() {}

  /** The divergence of two probability vectors of equal length (each summing to 1). */
  static double divergence(double[] p, double[] q) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      sum += term(p[i], m) + term(q[i], m);
    }
    return Math.max(0, Math.min(1, sum / 2));
  }

  private static double term(double p, double m) {
    return p == 0 ? 0 : p * Math.log(p / m) / Math.log(2);
  }
}
