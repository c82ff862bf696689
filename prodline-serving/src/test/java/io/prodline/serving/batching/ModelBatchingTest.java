package io.prodline.serving.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A model's own batching over the server's options, and the choice per model the batchers make from it. */
class ModelBatchingTest {
  private static final BatchingConfig SERVER_ON = BatchingConfig.on(256, Duration.ofMillis(2), 1024);

  @Test
  void takesWhatTheModelSetsAndTheServersOptionsForTheRest() {
    ModelBatching rows = new ModelBatching(true, Optional.empty(), OptionalInt.of(64), OptionalInt.empty());
    assertThat(rows.over(SERVER_ON)).isEqualTo(BatchingConfig.on(64, Duration.ofMillis(2), 1024));
    // On a server that does not batch, a model that does without a delay has no deadline.
    assertThat(rows.over(BatchingConfig.OFF))
        .isEqualTo(BatchingConfig.on(64, Duration.ZERO, BatchingConfig.DEFAULT_QUEUE_CAPACITY));
    ModelBatching zero = new ModelBatching(true, Optional.of(Duration.ZERO), OptionalInt.empty(), OptionalInt.of(8));
    assertThat(zero.over(SERVER_ON)).isEqualTo(BatchingConfig.on(256, Duration.ZERO, 8));
    assertThat(ModelBatching.OFF.over(SERVER_ON).enabled()).isFalse();
    assertThat(rows).hasToString("on (max 64 rows)");
    assertThat(rows.over(SERVER_ON).describe()).isEqualTo("up to 64 rows per call, waiting up to 2.0 ms, 1024 queued");
    assertThat(zero.over(SERVER_ON).describe()).isEqualTo("up to 256 rows per call, waiting until a worker is free, "
        + "8 queued");
    assertThat(BatchingConfig.OFF.describe()).isEqualTo("off");
    assertThat(ModelBatching.OFF).hasToString("off");
  }

  @Test
  void batchersChooseEachModelsOwnOverTheServers() {
    ModelBatching big = new ModelBatching(true, Optional.of(Duration.ofMillis(5)), OptionalInt.empty(),
        OptionalInt.empty());
    try (Batchers batchers = new Batchers(BatchingConfig.OFF,
        model -> model.equals("big") ? Optional.of(big) : Optional.empty(), Runnable::run, 1, BatchObserver.NONE)) {
      assertThat(batchers.config("big")).isEqualTo(BatchingConfig.on(256, Duration.ofMillis(5), 1024));
      assertThat(batchers.config("small").enabled()).isFalse();
    }
    try (Batchers batchers = new Batchers(SERVER_ON,
        model -> model.equals("fast") ? Optional.of(ModelBatching.OFF) : Optional.empty(), Runnable::run, 1,
        BatchObserver.NONE)) {
      assertThat(batchers.config("fast").enabled()).isFalse();
      assertThat(batchers.config("other")).isEqualTo(SERVER_ON);
    }
  }
}
