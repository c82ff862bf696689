package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One histogram bucket: values in {@code (lowValue, highValue]}, except that the first bucket of a histogram
 * also holds {@code lowValue}. {@code sampleCount} is an estimate (see {@link QuantileStatistics}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HistogramBucket(double lowValue, double highValue, double sampleCount) {}
