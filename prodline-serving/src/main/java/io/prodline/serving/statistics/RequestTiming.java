package io.prodline.serving.statistics;

/**
 * The moments of one request's way to the model, taken with {@link System#nanoTime()}: arrival, the start of its
 * work on a prediction worker, its inputs ready for the model, and the model call that answered it (shared by the
 * requests of one batch). {@link VersionStatistics#succeeded} turns them into queue and compute times. The arrival
 * is also kept on the wall clock, for the prediction log and the version's last inference.
 *
 * <p>Each moment is written once, by the thread doing that step, before the request is handed to the next step
 * through a queue or a future; a successful answer is completed after all of them, so its reader sees them all.
 * A request that failed is counted by its total time only, so moments it never reached are never read.
 */
public final class RequestTiming {
  private final long arrivedNanos;
  private final long arrivedMillis;
  private long workerStartedNanos;
  private long inputsReadyNanos;
  private long modelStartedNanos;
  private long modelEndedNanos;
  private int rows;

  /** Arrived at {@code arrivedNanos} on {@link System#nanoTime()}, at {@code arrivedMillis} on the wall clock. */
  public RequestTiming(long arrivedNanos, long arrivedMillis) {
    this.arrivedNanos = arrivedNanos;
    this.arrivedMillis = arrivedMillis;
  }

  /** A request arriving now. */
  public static RequestTiming arrivedNow() {
    return new RequestTiming(System.nanoTime(), System.currentTimeMillis());
  }

  public long arrivedNanos() {
    return arrivedNanos;
  }

  /** Arrival in milliseconds since the epoch. */
  public long arrivedMillis() {
    return arrivedMillis;
  }

  /** A prediction worker took the request up at {@code nanos}. */
  public void workerStarted(long nanos) {
    workerStartedNanos = nanos;
  }

  /**
   * The request's {@code rows} rows were decoded and encoded as model inputs at {@code nanos}, ready to run or to
   * wait for a batch.
   */
  public void inputsReady(int rows, long nanos) {
    this.rows = rows;
    inputsReadyNanos = nanos;
  }

  /** When the request's inputs were ready ({@link #inputsReady}): a batch's wait for followers counts from it. */
  public long inputsReadyNanos() {
    return inputsReadyNanos;
  }

  /** The model call that answered the request ran from {@code startedNanos} to {@code endedNanos}. */
  public void modelRan(long startedNanos, long endedNanos) {
    modelStartedNanos = startedNanos;
    modelEndedNanos = endedNanos;
  }

  /** Rows in the request. */
  int rows() {
    return rows;
  }

  /** Waiting for a worker, then for the model (a batch to form, or the model to be free). */
  long queueNanos() {
    return (workerStartedNanos - arrivedNanos) + (modelStartedNanos - inputsReadyNanos);
  }

  /** Decoding the request and encoding its rows as model inputs. */
  long inputNanos() {
    return inputsReadyNanos - workerStartedNanos;
  }

  /** The model call. */
  long inferNanos() {
    return modelEndedNanos - modelStartedNanos;
  }

  /** From the model call's end to the request's answer at {@code answeredNanos}: its outputs taken and encoded. */
  long outputNanos(long answeredNanos) {
    return answeredNanos - modelEndedNanos;
  }
}
