package io.prodline.serving.batching;

/**
 * A model version's batching queue is full: the server is saturated for that model and the client should retry
 * later. Answered 429 (TF Serving's RESOURCE_EXHAUSTED) with a retry hint.
 */
public final class BatchQueueFullException extends RuntimeException {
  public BatchQueueFullException(String message) {
    super(message, null, false, false);
  }
}
