package io.prodline.serving.statistics;

import java.util.List;

/**
 * One loaded version's statistics as Triton's statistics extension reports them ({@code $model_stat}); written as
 * JSON with snake_case names, and copied field by field into gRPC's {@code ModelStatistics}. Every figure counts
 * from the version's load; a version loaded again starts from zero.
 *
 * @param version the version number, as text as the protocol has it
 * @param lastInference when the latest request for this version arrived, in milliseconds since the epoch; 0 before
 *     the first
 * @param inferenceCount rows answered successfully: a request of 64 rows counts 64
 * @param executionCount model calls: with dynamic batching one call answers several requests
 * @param batchStats one entry per number of rows the model was called with, by increasing size
 */
public record ModelStat(String name, String version, long lastInference, long inferenceCount, long executionCount,
    InferenceStats inferenceStats, List<BatchStat> batchStats) {

  /**
   * Where the requests' time went ({@code $inference_stats}). {@code success} and {@code fail} count requests and
   * their time from arrival to answer; the other durations are summed over successful requests: {@code queue} waiting
   * for a worker and then for the model, {@code computeInput} decoding the request and encoding its rows,
   * {@code computeInfer} the model call that answered it (a batch's whole call, for each of its requests),
   * {@code computeOutput} taking the request's outputs and building its answer. prodline keeps no response cache, so
   * the cache figures stay zero.
   */
  public record InferenceStats(DurationStat success, DurationStat fail, DurationStat queue,
      DurationStat computeInput, DurationStat computeInfer, DurationStat computeOutput, DurationStat cacheHit,
      DurationStat cacheMiss) {}

  /**
   * The model calls of one batch size ({@code $batch_stats}): {@code computeInput} joining the batch's rows,
   * {@code computeInfer} the call, {@code computeOutput} handing each request its rows of the outputs.
   */
  public record BatchStat(long batchSize, DurationStat computeInput, DurationStat computeInfer,
      DurationStat computeOutput) {}

  /** How many times something happened and its total duration in nanoseconds ({@code $duration_stat}). */
  public record DurationStat(long count, long ns) {
    public static final DurationStat ZERO = new DurationStat(0, 0);
  }
}
