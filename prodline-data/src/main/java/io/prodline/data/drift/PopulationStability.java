package io.prodline.data.drift;

/**
 * Population stability index: {@code PSI = sum (q_i - p_i) ln(q_i / p_i)} over the same bins, natural log, with
 * every share first raised to at least {@link #EPSILON} (no renormalisation) so that an empty bin on one side
 * gives a large finite term instead of infinity. Symmetric in p and q, >= 0. Common reading: below 0.1 no
 * significant change, 0.1 to 0.25 moderate, above 0.25 major.
 */
final class PopulationStability {
  /** Floor of each bin's share. */
  static final double EPSILON = 1e-4;

  private PopulationStability() {}

  static double index(double[] p, double[] q) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double a = Math.max(p[i], EPSILON);
      double b = Math.max(q[i], EPSILON);
      sum += (b - a) * Math.log(b / a);
    }
    return sum;
  }
}
