package io.prodline.data.stats;

/** Statistics of a float64 or int64 feature: exact moments and special-value counts, sketched quantiles. */
public record NumericStatistics(MomentStatistics moments, QuantileStatistics quantiles) {}
