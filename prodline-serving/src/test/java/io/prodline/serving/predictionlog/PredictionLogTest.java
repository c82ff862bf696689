package io.prodline.serving.predictionlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.predictionlog.PredictionSink.SinkException;
import io.prodline.serving.testing.Eventually;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The bounded hand-off to the sink: offers never wait, overflow is dropped and counted, nothing queued is lost. */
class PredictionLogTest {
  /** Every model's requests recorded: no model sets a sampling rate. */
  private static final Function<String, Optional<Double>> LOG_ALL = model -> Optional.empty();

  private static PredictionRecord record(String id) {
    return new PredictionRecord(id, "m", 1, 0, 1, Frame.of(List.of("x"), List.of(Float64Column.of(1))),
        new Predictions(Task.REGRESSION, List.of(), 1, 1, new float[] {1}));
  }

  /** A sink that blocks in its first write until released, and remembers what it wrote. */
  private static final class SlowSink implements PredictionSink {
    final CountDownLatch writing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> written = new CopyOnWriteArrayList<>();

    @Override
    public int write(PredictionRecord record) {
      writing.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        // close() interrupts the writer; finish the write anyway.
      }
      written.add(record.requestId());
      return 1;
    }

    @Override
    public int flush() {
      return 0;
    }

    @Override
    public void close() {}
  }

  @Test
  void dropsAndCountsWhatDoesNotFitWhileTheSinkIsSlow() throws Exception {
    SlowSink sink = new SlowSink();
    PredictionLog log = new PredictionLog(sink, 1, LOG_ALL);
    log.offer(record("first"));
    sink.writing.await();
    // The writer is stuck in the sink with "first"; the queue holds one record, the other nine are dropped.
    for (int i = 0; i < 10; i++) {
      log.offer(record("r" + i));
    }
    assertThat(log.dropped()).isEqualTo(9);
    assertThat(log.queued()).isEqualTo(1);

    sink.release.countDown();
    Eventually.await("the queued record is written", () -> log.written() == 2);
    log.close();
    assertThat(sink.written).containsExactly("first", "r0");
    assertThat(log.failed()).isZero();
  }

  @Test
  void closeWritesWhatIsQueuedAndLaterOffersAreDropped() {
    List<String> written = new CopyOnWriteArrayList<>();
    PredictionLog log = new PredictionLog(new PredictionSink() {
      @Override
      public int write(PredictionRecord record) {
        written.add(record.requestId());
        return 1;
      }

      @Override
      public int flush() {
        return 0;
      }

      @Override
      public void close() {}
    }, 100, LOG_ALL);
    for (int i = 0; i < 50; i++) {
      log.offer(record("r" + i));
    }
    log.close();
    assertThat(written).hasSize(50);
    log.offer(record("late"));
    assertThat(log.dropped()).isEqualTo(1);
  }

  @Test
  void aFailingSinkIsCountedAndNeverReachesTheCaller() {
    PredictionLog log = new PredictionLog(new PredictionSink() {
      @Override
      public int write(PredictionRecord record) throws SinkException {
        throw new SinkException(1, new java.io.IOException("disk full"));
      }

      @Override
      public int flush() {
        return 0;
      }

      @Override
      public void close() {}
    }, 10, LOG_ALL);
    log.offer(record("a"));
    log.offer(record("b"));
    log.close();
    assertThat(log.failed()).isEqualTo(2);
    assertThat(log.written()).isZero();
  }

  /**
   * Each model draws at its own rate. 20,000 draws at 0.25 take 5,000 on average with a standard deviation of 61;
   * the bounds are eight deviations wide, so the test fails by chance about once in 10^15 runs.
   */
  @Test
  void samplesEachModelAtItsRateAndCountsTheRest() {
    PredictionLog log = new PredictionLog(new SlowSink(), 1, model -> switch (model) {
      case "quarter" -> Optional.of(0.25);
      case "none" -> Optional.of(0.0);
      default -> Optional.empty();
    });
    int quarter = 0;
    for (int i = 0; i < 20_000; i++) {
      quarter += log.sampled("quarter") ? 1 : 0;
      assertThat(log.sampled("none")).isFalse();
      assertThat(log.sampled("unconfigured")).isTrue();
    }
    assertThat(quarter).isBetween(5_000 - 8 * 61, 5_000 + 8 * 61);
    assertThat(log.sampledOut()).isEqualTo(20_000 - quarter + 20_000);
    log.close();
  }
}
