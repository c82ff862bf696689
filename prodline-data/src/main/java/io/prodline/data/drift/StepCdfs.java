package io.prodline.data.drift;

import io.prodline.data.stats.CumulativeCounts;
import java.util.List;

/**
 * Two step CDFs ({@link CumulativeCounts}) walked together over the union of their values, where the steps
 * change: the largest vertical distance between them (the Kolmogorov–Smirnov statistic) and the area between
 * them (the Wasserstein-1 distance, {@code ∫ |F_a − F_b| dx}). On exact steps both equal what scipy's
 * {@code ks_2samp} and {@code wasserstein_distance} compute from the raw samples, which read the same
 * right-continuous empirical CDFs.
 */
final class StepCdfs {
  private final double maxDistance;
  private final double area;

  private StepCdfs(double maxDistance, double area) {
    this.maxDistance = maxDistance;
    this.area = area;
  }

  static StepCdfs compare(CumulativeCounts a, CumulativeCounts b) {
    List<Double> va = a.values();
    List<Double> vb = b.values();
    double fa = 0;
    double fb = 0;
    double maxDistance = 0;
    double area = 0;
    double previous = Math.min(va.get(0), vb.get(0));
    int i = 0;
    int j = 0;
    while (i < va.size() || j < vb.size()) {
      double x = Math.min(i < va.size() ? va.get(i) : Double.POSITIVE_INFINITY,
          j < vb.size() ? vb.get(j) : Double.POSITIVE_INFINITY);
      area += Math.abs(fa - fb) * (x - previous);
      if (i < va.size() && va.get(i) == x) {
        fa = (double) a.counts().get(i++) / a.count();
      }
      if (j < vb.size() && vb.get(j) == x) {
        fb = (double) b.counts().get(j++) / b.count();
      }
      maxDistance = Math.max(maxDistance, Math.abs(fa - fb));
      previous = x;
    }
    return new StepCdfs(maxDistance, area);
  }

  /** {@code sup_x |F_a(x) − F_b(x)|}. */
  double maxDistance() {
    return maxDistance;
  }

  /** {@code ∫ |F_a(x) − F_b(x)| dx}. */
  double area() {
    return area;
  }

  /**
   * Bound on how far one side's steps are from its sample's true CDF, at any x: the sketch's rank error (99%
   * confidence) plus what thinning the steps added; 0 for exact, unthinned steps.
   */
  static double error(CumulativeCounts steps, double rankError) {
    return (steps.exact() ? 0 : rankError) + steps.stepError();
  }
}
