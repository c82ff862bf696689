package io.prodline.data.drift;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Wasserstein-1 (earth mover's) distance of the finite values of a numeric feature, in the feature's unit.
 *
 * @param distance {@code integral_0^1 |Q_baseline(u) - Q_current(u)| du} of the step quantile functions
 *     ({@link QuantileSteps}); equals scipy's {@code wasserstein_distance} of the raw samples when each side's B
 *     is a multiple of its sample size and its sketch is exact
 * @param errorBound bound on |distance - distance of the raw samples|: {@code sum over both sides of
 *     (max - min) (1/B + 2 eps)}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WassersteinResult(double distance, double errorBound) {}
