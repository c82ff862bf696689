package io.prodline.serving.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.statistics.ModelStat.BatchStat;
import io.prodline.serving.statistics.ModelStat.DurationStat;
import org.junit.jupiter.api.Test;

/** How a request's moments become Triton's queue and compute figures, with hand-picked nanosecond clocks. */
class VersionStatisticsTest {
  /**
   * Arrived at 1,000 (and at {@code arrivedMillis} on the wall clock); on a worker at 1,500; inputs ready at 2,500;
   * the model ran 4,000 to 7,000; answered 7,600.
   */
  private static RequestTiming timing(int rows, long arrivedMillis) {
    RequestTiming timing = new RequestTiming(1_000, arrivedMillis);
    timing.workerStarted(1_500);
    timing.inputsReady(rows, 2_500);
    timing.modelRan(4_000, 7_000);
    return timing;
  }

  @Test
  void splitsASuccessfulRequestsTimeIntoQueueInputInferAndOutput() {
    VersionStatistics statistics = new VersionStatistics();
    statistics.succeeded(timing(3, 1_700_000_000_123L), 7_600);

    ModelStat stat = statistics.report("houses", 2);
    assertThat(stat.name()).isEqualTo("houses");
    assertThat(stat.version()).isEqualTo("2");
    assertThat(stat.lastInference()).isEqualTo(1_700_000_000_123L);
    assertThat(stat.inferenceCount()).isEqualTo(3);
    ModelStat.InferenceStats inference = stat.inferenceStats();
    assertThat(inference.success()).isEqualTo(new DurationStat(1, 6_600));
    // Waiting for a worker (500) and then for the model (1,500).
    assertThat(inference.queue()).isEqualTo(new DurationStat(1, 2_000));
    assertThat(inference.computeInput()).isEqualTo(new DurationStat(1, 1_000));
    assertThat(inference.computeInfer()).isEqualTo(new DurationStat(1, 3_000));
    assertThat(inference.computeOutput()).isEqualTo(new DurationStat(1, 600));
    // The four parts tile the request's time exactly.
    assertThat(inference.queue().ns() + inference.computeInput().ns() + inference.computeInfer().ns()
        + inference.computeOutput().ns()).isEqualTo(inference.success().ns());
    assertThat(inference.fail()).isEqualTo(DurationStat.ZERO);
    assertThat(inference.cacheHit()).isEqualTo(DurationStat.ZERO);
  }

  @Test
  void aFailedRequestCountsOnlyItsTimeAndTheLatestArrivalWins() {
    VersionStatistics statistics = new VersionStatistics();
    statistics.succeeded(timing(1, 200), 7_600);
    statistics.failed(new RequestTiming(1_000, 150), 5_200);
    statistics.failed(new RequestTiming(9_000, 300), 9_800);

    ModelStat stat = statistics.report("m", 1);
    assertThat(stat.inferenceStats().fail()).isEqualTo(new DurationStat(2, 5_000));
    assertThat(stat.inferenceStats().success().count()).isEqualTo(1);
    assertThat(stat.inferenceStats().queue().count()).isEqualTo(1);
    assertThat(stat.inferenceCount()).isEqualTo(1);
    assertThat(stat.lastInference()).isEqualTo(300);
  }

  @Test
  void countsModelCallsPerBatchSizeInIncreasingSize() {
    VersionStatistics statistics = new VersionStatistics();
    statistics.executed(8, 10, 100, 20);
    statistics.executed(1, 0, 30, 0);
    statistics.executed(8, 12, 140, 25);

    ModelStat stat = statistics.report("m", 1);
    assertThat(stat.executionCount()).isEqualTo(3);
    assertThat(stat.batchStats()).containsExactly(
        new BatchStat(1, new DurationStat(1, 0), new DurationStat(1, 30), new DurationStat(1, 0)),
        new BatchStat(8, new DurationStat(2, 22), new DurationStat(2, 240), new DurationStat(2, 45)));
  }

  @Test
  void aVersionThatAnsweredNothingReportsZeros() {
    ModelStat stat = new VersionStatistics().report("m", 7);
    assertThat(stat.lastInference()).isZero();
    assertThat(stat.inferenceCount()).isZero();
    assertThat(stat.executionCount()).isZero();
    assertThat(stat.batchStats()).isEmpty();
    assertThat(stat.inferenceStats().success()).isEqualTo(DurationStat.ZERO);
  }
}
