package io.prodline.data.validation;

/** A value outside a feature's domain, its row count and its share of the feature's non-missing values. */
public record UnexpectedValue(String value, long count, double share) {}
