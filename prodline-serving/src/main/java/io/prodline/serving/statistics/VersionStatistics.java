package io.prodline.serving.statistics;

import io.prodline.serving.statistics.ModelStat.BatchStat;
import io.prodline.serving.statistics.ModelStat.DurationStat;
import io.prodline.serving.statistics.ModelStat.InferenceStats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The running statistics of one loaded version, recorded on the hot path without locks (striped adders, as
 * Micrometer's counters) and read by {@link #report}. A report taken while requests run may count a request in one
 * figure and not yet in another (the queue and compute figures are read after the count they share, so their
 * averages may run a request ahead); each figure only grows.
 */
public final class VersionStatistics {
  private final Total success = new Total();
  private final Total fail = new Total();
  // Recorded for every successful request and only then, so they share its count.
  private final LongAdder queueNanos = new LongAdder();
  private final LongAdder inputNanos = new LongAdder();
  private final LongAdder inferNanos = new LongAdder();
  private final LongAdder outputNanos = new LongAdder();
  private final LongAdder inferences = new LongAdder();
  private final LongAdder executions = new LongAdder();
  private final LongAccumulator lastInferenceMillis = new LongAccumulator(Math::max, 0);
  /** By batch size; as many keys as sizes the model was called with, at most the server's row limit. */
  private final Map<Integer, BatchTotals> batches = new ConcurrentHashMap<>();

  /** A request answered successfully at {@code answeredNanos}. */
  public void succeeded(RequestTiming timing, long answeredNanos) {
    lastInferenceMillis.accumulate(timing.arrivedMillis());
    success.add(answeredNanos - timing.arrivedNanos());
    inferences.add(timing.rows());
    queueNanos.add(timing.queueNanos());
    inputNanos.add(timing.inputNanos());
    inferNanos.add(timing.inferNanos());
    outputNanos.add(timing.outputNanos(answeredNanos));
  }

  /** A request failed at {@code answeredNanos}, wherever it was; only its total time counts. */
  public void failed(RequestTiming timing, long answeredNanos) {
    lastInferenceMillis.accumulate(timing.arrivedMillis());
    fail.add(answeredNanos - timing.arrivedNanos());
  }

  /**
   * The model ran once on {@code rows} rows: {@code inputNanos} joining them, {@code inferNanos} the call,
   * {@code outputNanos} splitting its outputs among the requests.
   */
  public void executed(int rows, long inputNanos, long inferNanos, long outputNanos) {
    executions.increment();
    BatchTotals totals = batches.get(rows);
    if (totals == null) {
      totals = batches.computeIfAbsent(rows, r -> new BatchTotals());
    }
    totals.count.increment();
    totals.inputNanos.add(inputNanos);
    totals.inferNanos.add(inferNanos);
    totals.outputNanos.add(outputNanos);
  }

  /** Rows answered successfully so far. */
  public long inferenceCount() {
    return inferences.sum();
  }

  /** Model calls so far. */
  public long executionCount() {
    return executions.sum();
  }

  /** Nanoseconds successful requests have spent queued so far. */
  public long queueNanos() {
    return queueNanos.sum();
  }

  /** Nanoseconds successful requests have spent decoding and preparing their inputs so far. */
  public long inputNanos() {
    return inputNanos.sum();
  }

  /** Nanoseconds of the model calls that answered successful requests, per request, so far. */
  public long inferNanos() {
    return inferNanos.sum();
  }

  /** Nanoseconds successful requests have spent building their answers so far. */
  public long outputNanos() {
    return outputNanos.sum();
  }

  /** The figures so far, as version {@code version} of {@code model}. */
  public ModelStat report(String model, long version) {
    List<BatchStat> bySize = batches.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getValue().stat(e.getKey()))
        .toList();
    DurationStat succeeded = success.stat();
    long count = succeeded.count();
    return new ModelStat(model, Long.toString(version), lastInferenceMillis.get(), inferenceCount(),
        executionCount(), new InferenceStats(succeeded, fail.stat(), new DurationStat(count, queueNanos()),
            new DurationStat(count, inputNanos()), new DurationStat(count, inferNanos()),
            new DurationStat(count, outputNanos()), DurationStat.ZERO, DurationStat.ZERO),
        bySize);
  }

  /** A count and a nanosecond total. */
  private static final class Total {
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    void add(long duration) {
      count.increment();
      nanos.add(duration);
    }

    DurationStat stat() {
      return new DurationStat(count.sum(), nanos.sum());
    }
  }

  /** The calls of one batch size: how many, and the nanoseconds of each of their three parts. */
  private static final class BatchTotals {
    private final LongAdder count = new LongAdder();
    private final LongAdder inputNanos = new LongAdder();
    private final LongAdder inferNanos = new LongAdder();
    private final LongAdder outputNanos = new LongAdder();

    BatchStat stat(int size) {
      long calls = count.sum();
      return new BatchStat(size, new DurationStat(calls, inputNanos.sum()), new DurationStat(calls, inferNanos.sum()),
          new DurationStat(calls, outputNanos.sum()));
    }
  }
}
