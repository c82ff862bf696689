package io.prodline.data.source;

import io.prodline.core.frame.Frame;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The iterator of a {@link DataSource}: asks for the next batch only when {@link #hasNext()} needs it, so the
 * caller holds at most one batch beyond the one it uses (a source parsing on several threads keeps its own
 * bounded few in flight).
 */
public final class BatchIterator implements Iterator<Frame> {
  private final Supplier<Frame> nextBatch;
  private Frame next;

  /** {@code nextBatch} returns the next non-empty batch, or null when the source is exhausted. */
  public BatchIterator(Supplier<Frame> nextBatch) {
    this.nextBatch = nextBatch;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = nextBatch.get();
    }
    return next != null;
  }

  @Override
  public Frame next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches");
    }
    Frame frame = next;
    next = null;
    return frame;
  }
}
