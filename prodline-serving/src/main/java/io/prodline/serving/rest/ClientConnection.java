package io.prodline.serving.rest;

import io.prodline.serving.inference.ClientGoneException;
import java.util.concurrent.CompletableFuture;

/**
 * The client end of one REST connection, as its requests see it. When the client closes the connection, the
 * request running for it is abandoned as if its deadline had passed: one still waiting for a worker or for its batch
 * never reaches the model, and it is counted with status 499. Without this a client that gives up (a timeout, a
 * retry) would leave its work queued, and an overloaded server would spend itself on answers nobody reads.
 *
 * <p>Used on the connection's event loop only: requests start there and the close is seen there.
 */
public final class ClientConnection {
  private CompletableFuture<?> running;
  private String call;
  private boolean closed;

  /** For requests that come from no connection (in-process callers): it never closes. */
  public static ClientConnection none() {
    return new ClientConnection();
  }

  /** Records the request now running on the connection, abandoned at once if the client has already gone. */
  public void running(String call, CompletableFuture<?> request) {
    this.call = call;
    this.running = request;
    if (closed) {
      abandon();
    }
  }

  /** The client closed the connection. */
  void closed() {
    closed = true;
    abandon();
  }

  private void abandon() {
    if (running != null && !running.isDone()) {
      running.completeExceptionally(new ClientGoneException(call + ": the client closed the connection before "
          + "its answer was ready"));
    }
    running = null;
  }
}
