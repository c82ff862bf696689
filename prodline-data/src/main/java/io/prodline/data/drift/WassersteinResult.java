package io.prodline.data.drift;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Wasserstein-1 (earth mover's) distance of the finite values of a numeric feature, in the feature's unit.
 *
 * @param distance {@code ∫ |F_baseline(x) - F_current(x)| dx} of the two sketches' CDF steps ({@link StepCdfs});
 *     equals scipy's {@code wasserstein_distance} of the raw samples while both sketches keep every value
 * @param errorBound bound on |distance - distance of the raw samples|: the sum over both sides of (max - min)
 *     times that side's CDF error (sketch rank error, 99% confidence, plus thinning; 0 while exact)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WassersteinResult(double distance, double errorBound) {}
