package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A frequent value and its row count: an estimate, and bounds that always contain the true count. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ValueCount(String value, long count, long lowerBound, long upperBound) {}
