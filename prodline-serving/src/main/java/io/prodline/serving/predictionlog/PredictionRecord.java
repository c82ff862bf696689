package io.prodline.serving.predictionlog;

import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;

/**
 * One answered request, as logged. Holds the immutable request frame and predictions by reference, so creating
 * a record on the request path copies nothing; the writer thread serializes it later.
 *
 * @param requestId the client's {@code X-Request-Id}, or one the server made up
 * @param timestampMillis when the request arrived, milliseconds since the epoch
 * @param latencyNanos from arrival until the predictions were ready
 * @param inputs the raw features as decoded from the request, before any transform
 */
public record PredictionRecord(String requestId, String model, long version, long timestampMillis,
    long latencyNanos, Frame inputs, Predictions outputs) {}
