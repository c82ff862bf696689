import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The model-only rate batch prediction is judged against: the same model over the same batches, already in memory
 * (no parsing, no output), predicted with Predictor.predict (transform + model) on the same number of threads.
 * Prints the best of several timed passes after a warm-up pass, so the ceiling is as high as it can be. Also
 * prints how fast the source alone parses the input, the other half of what {@code prodline predict} does.
 *
 * <p>Run with the source launcher: java -cp 'prodline-app/target/dist/lib/*' bench/predict/ModelOnlyRate.java
 * MODEL_DIR INPUT THREADS BATCH_ROWS
 */
public class ModelOnlyRate {
  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]);
    String input = args[1];
    int threads = Integer.parseInt(args[2]);
    int batchRows = Integer.parseInt(args[3]);
    List<Frame> batches = new ArrayList<>();
    long readStart = System.nanoTime();
    try (DataSource source = DataSources.open(input, SourceOptions.defaults().withBatchRows(batchRows))) {
      source.forEach(batches::add);
    }
    long rows = batches.stream().mapToLong(Frame::rowCount).sum();
    System.out.printf(Locale.ROOT, "read-only: %.0f rows/s (the source parsing the input into batches, cold)%n",
        rows / ((System.nanoTime() - readStart) / 1e9));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Predictor predictor = Predictor.load(model)) {
      double best = 0;
      for (int pass = 0; pass < 4; pass++) {
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (Frame batch : batches) {
          done.add(pool.submit(() -> predictor.predict(batch)));
        }
        for (Future<?> f : done) {
          f.get();
        }
        double rate = rows / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "pass %d%s: %.0f rows/s%n", pass, pass == 0 ? " (warm-up)" : "", rate);
        best = pass == 0 ? best : Math.max(best, rate);
      }
      System.out.printf(Locale.ROOT, "model-only: %d rows, %d threads, batch %d: %.0f rows/s%n", rows, threads,
          batchRows, best);
    } finally {
      pool.shutdown();
    }
  }
}
