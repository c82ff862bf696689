package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Moments and special values of a numeric feature.
 *
 * <p>{@code mean} and {@code stdDev} are over the finite values, weighted by example weight; {@code stdDev} is
 * the population standard deviation (divide by the total weight, numpy's {@code ddof=0}). {@code min} and
 * {@code max} are over all finite values, whatever their weight. NaN, +infinity and -infinity are counted
 * separately and excluded from every other field. The four boxed fields are null when there is no finite value
 * (and mean/std_dev also when all finite values have weight 0).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MomentStatistics(
    long numFinite,
    double weightedNumFinite,
    Double mean,
    Double stdDev,
    Double min,
    Double max,
    long numZeros,
    long numNan,
    long numPositiveInfinity,
    long numNegativeInfinity) {}
