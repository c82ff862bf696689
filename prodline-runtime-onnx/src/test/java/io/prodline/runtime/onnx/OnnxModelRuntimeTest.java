package io.prodline.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.BundleReader;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls reuse each thread's input and output buffers ({@link ThreadBuffer}), so a call must see only its own rows
 * whatever ran before it on that thread: larger or smaller requests, requests above the size a thread keeps, and
 * other threads at the same time. Every call is checked against the same rows predicted one at a time.
 */
class OnnxModelRuntimeTest {
  static final int WIDTH = 30;
  /** More rows than fit in a kept buffer, so the largest request uses a buffer of its own. */
  static final int ROWS = ThreadBuffer.MAX_KEPT_FLOATS / WIDTH + 7;

  @TempDir static Path dir;
  static ModelRuntime mlp;
  static float[] features;
  static float[] oneAtATime;

  @BeforeAll
  static void load() throws Exception {
    mlp = ModelRuntimes.load(BundleReader.read(OnnxBareModelTest.bare(dir, "mlp.onnx")));
    Random random = new Random(3);
    features = new float[ROWS * WIDTH];
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) random.nextGaussian();
    }
    oneAtATime = new float[ROWS];
    for (int row = 0; row < ROWS; row++) {
      oneAtATime[row] = mlp.predict(rows(row, 1), 1)[0];
    }
  }

  @AfterAll
  static void close() {
    mlp.close();
  }

  static float[] rows(int first, int count) {
    return Arrays.copyOfRange(features, first * WIDTH, (first + count) * WIDTH);
  }

  /** Predicts {@code count} rows from {@code first} in one call and checks them against {@link #oneAtATime}. */
  static void check(int first, int count) {
    check(mlp, first, count);
  }

  /** {@link #check(int, int)} on {@code runtime}, a loaded copy of the same model. */
  static void check(ModelRuntime runtime, int first, int count) {
    float[] out = runtime.predict(rows(first, count), count);
    assertThat(out).hasSize(count);
    for (int r = 0; r < count; r++) {
      assertThat(out[r]).as("row %d of a %d-row call", first + r, count)
          .isCloseTo(oneAtATime[first + r], Offset.offset(1e-5f));
    }
  }

  @Test
  void requestsOfChangingSizesSeeOnlyTheirOwnRows() {
    check(0, 64);
    check(100, 3);
    check(0, ROWS);
    check(7, 1);
    check(200, 64);
    check(1, ROWS - 1);
    check(300, 2);
  }

  /**
   * A thread's buffers serve every model it runs: another model's larger call on the same thread replaces them, and
   * the calls after it must see their own rows in the new ones. Run on a new thread, so its buffers start empty
   * whatever the other tests left.
   */
  @Test
  void callsOfOneSizeAndAnotherModelsCallsOnTheSameThreadSeeOnlyTheirOwnRows() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (ModelRuntime other = ModelRuntimes.load(BundleReader.read(OnnxBareModelTest.bare(dir.resolve("other"),
        "mlp.onnx")))) {
      thread.submit(() -> {
        check(10, 5);
        check(20, 5);
        check(30, 5);
        int wide = ThreadBuffer.MAX_KEPT_FLOATS / WIDTH - 1; // kept, and larger than any buffer this thread had
        check(other, 0, wide);
        check(40, 5);
        check(50, 5);
      }).get();
    } finally {
      thread.shutdown();
    }
  }

  @Test
  void threadsCallingAtOnceSeeOnlyTheirOwnRows() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 17;
        calls.add(pool.submit(() -> {
          for (int first = offset; first + 64 <= 1000; first += 68) {
            check(first, 1 + first % 64);
          }
        }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
