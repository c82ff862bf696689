package io.prodline.data.drift;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Two-sample Kolmogorov–Smirnov test of the finite values of a numeric feature.
 *
 * @param statistic {@code D = sup_x |F_baseline(x) - F_current(x)|}, estimated from the two quantile sketches
 *     (see {@link QuantileSteps})
 * @param statisticErrorBound bound on |estimated D - D of the raw samples|: {@code max(1/B_a, 1/B_b) + eps_a +
 *     eps_b} for B quantile buckets and sketch rank errors eps (99% confidence each)
 * @param pValue two-sided p-value of {@code statistic} for the two sample sizes ({@link KolmogorovSmirnovPValue})
 * @param method exact or asymptotic
 * @param baselineCount finite values of the baseline
 * @param currentCount finite values of the current data
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KolmogorovSmirnovResult(
    double statistic,
    double statisticErrorBound,
    double pValue,
    KolmogorovSmirnovPValue.Method method,
    long baselineCount,
    long currentCount) {}
