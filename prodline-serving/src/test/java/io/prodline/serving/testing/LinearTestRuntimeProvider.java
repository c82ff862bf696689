package io.prodline.serving.testing;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.error.ModelRunException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimeProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A test runtime ("linear-test") whose outputs are easy to compute by hand: output k of a row is the dot product
 * of the row's inputs with line k of the model file (whitespace-separated weights); a missing (NaN) input adds
 * nothing. Directive lines change behaviour: {@code sleep <ms>} makes each prediction take that long,
 * {@code fail} makes each prediction throw as a bug would and {@code fail run} as a runtime that cannot run the
 * model does ({@link ModelRunException}), for testing drain and 500 answers, and {@code gate} makes each prediction
 * wait until {@link #GATE} opens, for holding a model busy exactly as long as a test needs. A prediction on a
 * closed runtime throws too, so a version unloaded under a request shows up as a failed request.
 */
public final class LinearTestRuntimeProvider implements ModelRuntimeProvider {
  public static final String NAME = "linear-test";
  /** Names of the threads predictions ran on, to check they never run on an event loop. */
  public static final Set<String> PREDICT_THREADS = ConcurrentHashMap.newKeySet();
  /** Slow ({@code sleep}) predictions running right now, so a test can wait until a request reached the model. */
  public static final AtomicInteger RUNNING = new AtomicInteger();
  /** Model files of the runtimes closed so far, in closing order, so a test can see when a version was unloaded. */
  public static final Queue<Path> CLOSED = new ConcurrentLinkedQueue<>();
  /** What {@code gate} models wait for; a test installs a closed latch and opens it when done. */
  public static volatile CountDownLatch GATE = new CountDownLatch(0);
  /** Predictions of {@code gate} models that got through the gate so far, to tell which requests reached a model. */
  public static final AtomicInteger GATE_PASSED = new AtomicInteger();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelRuntime load(Path modelFile, BundleManifest manifest) {
    List<float[]> weights = new ArrayList<>();
    long sleepMillis = 0;
    Supplier<RuntimeException> failure = null;
    boolean gated = false;
    try {
      for (String line : Files.readAllLines(modelFile)) {
        String[] tokens = line.trim().split("\\s+");
        if (tokens[0].isEmpty()) {
          continue;
        }
        switch (tokens[0]) {
          case "sleep" -> sleepMillis = Long.parseLong(tokens[1]);
          case "fail" -> failure = tokens.length > 1 && tokens[1].equals("run")
              ? () -> new ModelRunException("secret runtime detail", null)
              : () -> new IllegalStateException("secret internal detail");
          case "gate" -> gated = true;
          default -> {
            float[] w = new float[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
              w[i] = Float.parseFloat(tokens[i]);
            }
            weights.add(w);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new ProdlineException(modelFile + ": not a linear-test model: " + e.getMessage(), e);
    }
    return new LinearRuntime(modelFile, weights, sleepMillis, failure, gated, new AtomicBoolean());
  }

  /** @param failure what each prediction throws, or {@code null} */
  private record LinearRuntime(Path modelFile, List<float[]> weights, long sleepMillis,
      Supplier<RuntimeException> failure, boolean gated, AtomicBoolean closed) implements ModelRuntime {
    @Override
    public void close() {
      closed.set(true);
      CLOSED.add(modelFile);
    }

    @Override
    public int inputWidth() {
      return weights.get(0).length;
    }

    @Override
    public int outputWidth() {
      return weights.size();
    }

    @Override
    public float[] predict(float[] features, int rows) {
      PREDICT_THREADS.add(Thread.currentThread().getName());
      if (closed.get()) {
        throw new IllegalStateException("predict called on a closed linear-test runtime");
      }
      if (failure != null) {
        throw failure.get();
      }
      if (sleepMillis > 0 || gated) {
        RUNNING.incrementAndGet();
        try {
          if (gated) {
            GATE.await();
            GATE_PASSED.incrementAndGet();
          }
          Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          RUNNING.decrementAndGet();
        }
      }
      int in = inputWidth();
      int out = outputWidth();
      float[] result = new float[rows * out];
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < out; k++) {
          float sum = 0;
          for (int j = 0; j < in; j++) {
            float x = features[r * in + j];
            sum += Float.isNaN(x) ? 0 : x * weights.get(k)[j];
          }
          result[r * out + k] = sum;
        }
      }
      return result;
    }
  }
}
