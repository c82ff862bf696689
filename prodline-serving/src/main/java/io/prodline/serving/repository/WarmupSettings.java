package io.prodline.serving.repository;

/**
 * How a version is warmed up before it takes traffic, so that its first real requests do not pay for class
 * loading, JIT compilation and lazy initialisation, and a version that loads but cannot predict never serves.
 *
 * <p>The requests: those of the version directory's warm-up file when it has one ({@link WarmupRequests}: TF
 * Serving predict bodies, {@code {"instances": [...]}} or {@code {"inputs": {...}}}, in {@code warmup.json} or
 * {@code warmup.jsonl}), otherwise {@code syntheticRows} rows of missing values typed as the manifest's inputs
 * (none by default). Each is sent {@code iterations} times before the next.
 *
 * @param syntheticRows rows of missing values to predict when there is no warm-up file; 0 for none
 * @param iterations how many times each warm-up request runs
 */
public record WarmupSettings(int syntheticRows, int iterations) {
  public static final WarmupSettings DEFAULT = new WarmupSettings(0, 1);
  public static final int MAX_ROWS = 10_000;
  public static final int MAX_ITERATIONS = 10_000;

  public WarmupSettings {
    if (syntheticRows < 0 || syntheticRows > MAX_ROWS) {
      throw new IllegalArgumentException("warmup.synthetic_rows must be between 0 and " + MAX_ROWS + ", got "
          + syntheticRows);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("warmup.iterations must be between 1 and " + MAX_ITERATIONS + ", got "
          + iterations);
    }
  }
}
