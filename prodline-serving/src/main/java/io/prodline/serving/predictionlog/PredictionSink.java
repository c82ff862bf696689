package io.prodline.serving.predictionlog;

import java.io.IOException;

/**
 * Where prediction records end up. Called only from the log's one writer thread, so implementations need no
 * locking; they may be slow, since nothing waits for them. A sink may hold records to write several at once; each
 * call says how many records it made durable, and a failure how many it lost, so the log's counts are what the
 * destination holds.
 */
public interface PredictionSink extends AutoCloseable {
  /** Takes a record; returns how many records (this one and any held before it) reached the destination. */
  int write(PredictionRecord record) throws SinkException;

  /**
   * Called when the queue runs empty, so records reach the destination while traffic is light; returns how many
   * did.
   */
  int flush() throws SinkException;

  @Override
  void close() throws IOException;

  /** A failed write or flush, and how many records it lost: the one being written and those held with it. */
  final class SinkException extends IOException {
    private final int lostRecords;

    public SinkException(int lostRecords, IOException cause) {
      super(cause.toString(), cause);
      this.lostRecords = lostRecords;
    }

    public int lostRecords() {
      return lostRecords;
    }
  }
}
