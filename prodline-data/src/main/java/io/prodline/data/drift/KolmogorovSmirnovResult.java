package io.prodline.data.drift;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Two-sample Kolmogorov–Smirnov test of the finite values of a numeric feature.
 *
 * @param statistic {@code D = sup_x |F_baseline(x) - F_current(x)|}, read from the two sketches' CDF steps (see
 *     {@link StepCdfs}); exactly the samples' D while both sketches keep every value
 * @param statisticErrorBound bound on |estimated D - D of the raw samples|: the sum over both sides of the
 *     sketch's rank error (99% confidence; 0 while it keeps every value) and the steps' thinning error
 * @param pValue two-sided p-value of {@code statistic} for the two sample sizes ({@link KolmogorovSmirnovPValue})
 * @param pValueMin the p-value of {@code statistic + statisticErrorBound}: the raw samples' p-value is at least this
 * @param pValueMax the p-value of {@code statistic - statisticErrorBound}: the raw samples' p-value is at most this
 * @param method exact or asymptotic
 * @param baselineCount finite values of the baseline
 * @param currentCount finite values of the current data
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KolmogorovSmirnovResult(
    double statistic,
    double statisticErrorBound,
    double pValue,
    double pValueMin,
    double pValueMax,
    KolmogorovSmirnovPValue.Method method,
    long baselineCount,
    long currentCount) {

  /** The customary significance level, at which reports state the test's conclusion. */
  public static final double ALPHA = 0.05;

  /** What the test says at significance level {@code alpha}, the sketch's error taken into account. */
  public enum Conclusion {
    /** Even the largest D the error allows has a p-value of at least alpha. */
    NO_EVIDENCE_OF_A_DIFFERENCE,
    /** Even the smallest D the error allows has a p-value below alpha. */
    DIFFERENT,
    /** The error bound straddles alpha: a larger {@code kll_k} (a sketch that keeps more values) decides. */
    INCONCLUSIVE
  }

  public Conclusion conclusion(double alpha) {
    if (pValueMax < alpha) {
      return Conclusion.DIFFERENT;
    }
    return pValueMin >= alpha ? Conclusion.NO_EVIDENCE_OF_A_DIFFERENCE : Conclusion.INCONCLUSIVE;
  }
}
