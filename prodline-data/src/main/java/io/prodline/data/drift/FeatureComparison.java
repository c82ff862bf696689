package io.prodline.data.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prodline.data.schema.FeatureKind;

/** Comparison of one feature: exactly one of {@code categorical} and {@code numeric}, by kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureComparison(
    String name, FeatureKind kind, CategoricalComparison categorical, NumericComparison numeric) {}
