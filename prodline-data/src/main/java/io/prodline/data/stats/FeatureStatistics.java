package io.prodline.data.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prodline.core.frame.ColumnType;

/**
 * Statistics of one feature (column): presence for every type, plus exactly one of {@code numeric} (float64,
 * int64), {@code string} or {@code bool}, by type; the others are null and left out of JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureStatistics(
    String name,
    ColumnType type,
    CommonStatistics common,
    NumericStatistics numeric,
    StringStatistics string,
    BoolStatistics bool) {}
