package io.prodline.serving.batching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.statistics.ModelStat;
import io.prodline.serving.statistics.ModelStat.DurationStat;
import io.prodline.serving.statistics.RequestTiming;
import io.prodline.serving.statistics.VersionStatistics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Concatenating requests' rows and splitting a batch's outputs back, without threads. */
class BatchTest {
  private static PendingRows pending(int rows, float... features) {
    return new PendingRows(features, rows, new RequestTiming(0, 0), new CompletableFuture<>());
  }

  @Test
  void concatenatesRowsAndGivesEachRequestItsOwnOutputs() {
    PendingRows a = pending(1, 1, 2);
    PendingRows b = pending(2, 3, 4, 5, 6);
    Batch batch = Batch.of(List.of(a, b));
    assertThat(batch.rows()).isEqualTo(3);
    assertThat(batch.features()).containsExactly(1, 2, 3, 4, 5, 6);

    // Two outputs per row, as for a two-class model.
    batch.complete(new Predictions(Task.MULTICLASS_CLASSIFICATION, List.of("x", "y"), 3, 2,
        new float[] {10, 11, 20, 21, 30, 31}), 0, 0, 0, new VersionStatistics());
    Predictions forA = a.result().join();
    Predictions forB = b.result().join();
    assertThat(forA.rows()).isEqualTo(1);
    assertThat(forA.values()).containsExactly(10, 11);
    assertThat(forB.rows()).isEqualTo(2);
    assertThat(forB.values()).containsExactly(20, 21, 30, 31);
    assertThat(forB.classes()).containsExactly("x", "y");
  }

  @Test
  void eachRequestKeepsTheColumnShapeOfAGraphsOutput() {
    PendingRows a = pending(1, 1);
    PendingRows b = pending(2, 2, 3);
    Batch.of(List.of(a, b)).complete(new Predictions(Task.REGRESSION, List.of(), 3, 1, new float[] {4, 5, 6}, true),
        0, 0, 0, new VersionStatistics());
    assertThat(a.result().join().shape()).containsExactly(1, 1);
    assertThat(b.result().join().shape()).containsExactly(2, 1);
    assertThat(b.result().join().values()).containsExactly(5, 6);
  }

  @Test
  void recordsTheModelCallBeforeAnsweringAnyMember() {
    PendingRows a = pending(1, 1);
    PendingRows b = pending(2, 2, 3);
    VersionStatistics statistics = new VersionStatistics();
    AtomicReference<ModelStat> seenByFirstAnswer = new AtomicReference<>();
    a.result().thenRun(() -> seenByFirstAnswer.set(statistics.report("m", 1)));

    Batch.of(List.of(a, b)).complete(new Predictions(Task.REGRESSION, List.of(), 3, 1, new float[] {4, 5, 6}),
        1_000, 5_000, 12_000, statistics);

    ModelStat seen = seenByFirstAnswer.get();
    assertThat(seen.executionCount()).isEqualTo(1);
    assertThat(seen.batchStats()).singleElement().satisfies(batch -> {
      assertThat(batch.batchSize()).isEqualTo(3);
      assertThat(batch.computeInput()).isEqualTo(new DurationStat(1, 1_000));
      assertThat(batch.computeInfer()).isEqualTo(new DurationStat(1, 7_000));
      assertThat(batch.computeOutput().count()).isEqualTo(1);
    });
  }

  @Test
  void leavesOutRequestsAlreadyAnswered() {
    PendingRows expired = pending(1, 9);
    expired.result().cancel(false);
    PendingRows live = pending(1, 7);
    Batch batch = Batch.of(List.of(expired, live));
    assertThat(batch.rows()).isEqualTo(1);
    assertThat(batch.features()).containsExactly(7);
    assertThat(Batch.of(List.of(expired))).isNull();
  }

  @Test
  void failsEveryMemberWithTheModelsError() {
    PendingRows a = pending(1, 1);
    PendingRows b = pending(1, 2);
    Batch.of(List.of(a, b)).fail(new IllegalStateException("boom"));
    assertThat(a.result()).isCompletedExceptionally();
    assertThat(b.result()).isCompletedExceptionally();
  }
}
