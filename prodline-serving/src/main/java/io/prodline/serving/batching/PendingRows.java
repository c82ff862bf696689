package io.prodline.serving.batching;

import io.prodline.core.predict.Predictions;
import io.prodline.serving.statistics.RequestTiming;
import java.util.concurrent.CompletableFuture;

/**
 * One request's encoded rows waiting for a batch, and where its share of the answer goes.
 *
 * @param features {@code rows * inputWidth} model inputs, row-major; owned by the batch from submission on
 * @param timing when the rows were ready (a batch's wait is measured from then), and where the batch notes the
 *     model call that answered them
 */
public record PendingRows(float[] features, int rows, RequestTiming timing,
    CompletableFuture<Predictions> result) {}
