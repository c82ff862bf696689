package io.prodline.serving.inference;

import io.prodline.core.frame.Frame;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.statistics.RequestTiming;

/**
 * A decoded prediction request.
 *
 * @param requestId the client's request id or one made up for it; {@code null} when none is needed
 * @param version the handle on the loaded version that answers; its holder closes it
 * @param inputs the raw features, one column per model input
 * @param timing the request's moments from its arrival on, for latency and the version's statistics
 * @param infinityAllowed whether an infinite model input may reach the model (the model's NaN policy), which
 *     decides on inputs that become infinite in float32 too
 */
public record InferenceRequest(String requestId, String model, VersionHandle version, Frame inputs,
    RequestTiming timing, boolean infinityAllowed) {}
