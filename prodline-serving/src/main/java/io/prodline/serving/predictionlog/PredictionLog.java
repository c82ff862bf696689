package io.prodline.serving.predictionlog;

import io.prodline.serving.handoff.BoundedQueue;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands prediction records to a {@link PredictionSink} on one background thread, {@code prodline-prediction-log}.
 * {@link #offer} never blocks and never throws: a full queue drops the record and counts it, and a failing sink
 * is logged and counted, so logging can neither slow nor fail a request.
 */
public final class PredictionLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionLog.class);

  private final PredictionSink sink;
  private final BoundedQueue<PredictionRecord> queue;
  private final LongAdder written = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder sampledOut = new LongAdder();
  private final Function<String, Optional<Double>> sampling;
  private final Thread writer;
  private volatile boolean closed;
  /** Whether the last sink call failed; touched by the writer thread (and by close after it ended) only. */
  private boolean failing;

  /**
   * @param sampling each model's share of requests to record, 0 to 1; empty records all
   */
  public PredictionLog(PredictionSink sink, int queueCapacity, Function<String, Optional<Double>> sampling) {
    this.sink = sink;
    this.sampling = sampling;
    this.queue = new BoundedQueue<>(queueCapacity);
    this.writer = new Thread(this::drain, "prodline-prediction-log");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Whether to record this request of {@code model}: drawn at random at the model's sampling rate, so that a
   * record costs nothing (not even being built) for the requests not drawn; those are counted.
   */
  public boolean sampled(String model) {
    Optional<Double> rate = sampling.apply(model);
    if (rate.isEmpty() || rate.get() >= 1 || ThreadLocalRandom.current().nextDouble() < rate.get()) {
      return true;
    }
    sampledOut.increment();
    return false;
  }

  /** Requests not recorded because their model's sampling did not draw them. */
  public long sampledOut() {
    return sampledOut.sum();
  }

  /** Queues {@code record} for the sink, or drops and counts it when the queue is full or the log is closed. */
  public void offer(PredictionRecord record) {
    if (closed || !queue.offer(record)) {
      dropped.increment();
    }
  }

  /** Records that reached the sink's destination. */
  public long written() {
    return written.sum();
  }

  /** Records dropped because the queue was full. */
  public long dropped() {
    return dropped.sum();
  }

  /** Records the sink failed to write. */
  public long failed() {
    return failed.sum();
  }

  /** Records waiting now. */
  public int queued() {
    return queue.size();
  }

  private void drain() {
    while (!closed || queue.size() > 0) {
      PredictionRecord record = queue.poll();
      if (record == null) {
        attempt(sink::flush);
        queue.await(BoundedQueue.NO_DEADLINE);
      } else {
        attempt(() -> sink.write(record));
      }
    }
    attempt(sink::flush);
  }

  private interface SinkCall {
    int run() throws PredictionSink.SinkException;
  }

  /**
   * Runs a sink call and counts the records it wrote or lost; warns once when the sink starts failing (the count is
   * in the metrics), not per record, and says so when records reach it again.
   */
  private void attempt(SinkCall call) {
    try {
      int durable = call.run();
      written.add(durable);
      if (failing && durable > 0) {
        LOG.info("the prediction log sink works again");
        failing = false;
      }
    } catch (PredictionSink.SinkException e) {
      failed.add(e.lostRecords());
      if (!failing) {
        LOG.warn("the prediction log sink failed; records are lost until it recovers: {}", e.getMessage());
        failing = true;
      }
    } catch (RuntimeException e) {
      failed.increment();
      if (!failing) {
        LOG.warn("the prediction log sink failed; records are lost until it recovers", e);
        failing = true;
      }
    }
  }

  /** Writes what is queued, then closes the sink. */
  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    attempt(sink::flush);
    try {
      sink.close();
    } catch (IOException e) {
      LOG.warn("closing the prediction log sink failed: {}", e.toString());
    }
  }
}
