package io.prodline.serving.predictionlog;

import java.io.IOException;

/**
 * Where prediction records end up. Called only from the log's one writer thread, so implementations need no
 * locking; they may be slow, since nothing waits for them.
 */
public interface PredictionSink extends AutoCloseable {
  void write(PredictionRecord record) throws IOException;

  /** Called when the queue runs empty, so records reach the destination while traffic is light. */
  void flush() throws IOException;

  @Override
  void close() throws IOException;
}
