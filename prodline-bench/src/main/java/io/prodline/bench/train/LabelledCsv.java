package io.prodline.bench.train;

import io.prodline.bench.LearnableRows;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the training benchmark's data set: {@code f0 … f<n-1>} from {@link LearnableRows} and a {@code label}
 * column (0/1) computed from them, so both prodline and Python xgboost learn the same task from the same bytes.
 *
 * <p>{@code java -cp 'prodline-bench/target/dist/lib/*' io.prodline.bench.train.LabelledCsv OUT.csv ROWS
 * FEATURES SEED}
 */
public final class LabelledCsv {
  private LabelledCsv() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: LabelledCsv OUT.csv ROWS FEATURES SEED");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long rows = Long.parseLong(args[1]);
    write(out, rows, new LearnableRows(Integer.parseInt(args[2]), Long.parseLong(args[3])));
    System.out.println("wrote " + rows + " rows to " + out);
  }

  static void write(Path file, long rows, LearnableRows source) throws IOException {
    int features = source.features();
    double[] x = new double[features];
    StringBuilder line = new StringBuilder(features * 10);
    // Written beside and moved into place: an interrupted run must not leave a short file that run.sh reuses.
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 20)) {
      for (int f = 0; f < features; f++) {
        line.append('f').append(f).append(',');
      }
      w.write(line.append("label\n").toString());
      for (long row = 0; row < rows; row++) {
        source.next(x);
        line.setLength(0);
        for (int f = 0; f < features; f++) {
          line.append(x[f]).append(',');
        }
        w.write(line.append(LearnableRows.label(x)).append('\n').toString());
        if ((row + 1) % 250_000 == 0) {
          System.out.println("  " + (row + 1) + " rows");
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
