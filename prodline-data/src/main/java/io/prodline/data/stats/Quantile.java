package io.prodline.data.stats;

/** The value at normalized rank {@code rank} (0 is the minimum, 1 the maximum), as estimated by a sketch. */
public record Quantile(double rank, double value) {}
