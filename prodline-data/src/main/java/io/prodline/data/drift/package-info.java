/**
 * Comparison of two data sets' statistics, feature by feature, for drift (previous span vs current) and skew
 * (training vs serving): L-infinity distance of categorical value frequencies; Jensen–Shannon divergence and
 * PSI of numeric histograms re-bucketed onto the union of their boundaries, with NaN and infinities as bins of
 * their own; Kolmogorov–Smirnov test and Wasserstein distance estimated from the quantile sketches with stated
 * error bounds. Every definition is in {@code docs/validation.md}.
 */
package io.prodline.data.drift;
