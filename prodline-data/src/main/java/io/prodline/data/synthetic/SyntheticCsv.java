package io.prodline.data.synthetic;

import io.prodline.core.fs.AtomicFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes seeded synthetic CSV data of known structure, for benchmarks and drift experiments: the same seed gives
 * the same bytes.
 *
 * <p>Column {@code i} (0-based) cycles through five kinds: {@code num_i} normal(10 + drift, 3), {@code amount_i}
 * log-normal(0, 1), {@code count_i} Poisson-like integer counts (mean 4), {@code cat_i} one of 50 categories with
 * Zipf(1.1) frequencies (drift moves mass toward the rare ones) and {@code flag_i} true/false. About
 * {@code missingRate} of the cells of every column except the first are empty.
 */
public final class SyntheticCsv {
  private static final int CATEGORIES = 50;
  private final int columns;
  private final long seed;
  private final double missingRate;
  private final double drift;
  private final double[] zipfCumulative;

  public SyntheticCsv(int columns, long seed, double missingRate, double drift) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be at least 1, got " + columns);
    }
    if (!(missingRate >= 0 && missingRate < 1)) {
      throw new IllegalArgumentException("missing rate must be in [0, 1), got " + missingRate);
    }
    this.columns = columns;
    this.seed = seed;
    this.missingRate = missingRate;
    this.drift = drift;
    this.zipfCumulative = zipf(CATEGORIES, 1.1 - Math.min(drift, 1.0));
  }

  /** Writes a header and {@code rows} rows; {@code progress} is told the rows written every 100,000 rows. */
  public void write(Path file, long rows, LongConsumer progress) throws IOException {
    try (AtomicFile target = AtomicFile.create(file)) {
      Writer out = new BufferedWriter(new OutputStreamWriter(target.stream(), StandardCharsets.UTF_8), 1 << 20);
      write(out, rows, progress);
      out.flush();
      target.commit();
    }
  }

  void write(Writer out, long rows, LongConsumer progress) throws IOException {
    StringBuilder line = new StringBuilder(columns * 12);
    for (int c = 0; c < columns; c++) {
      line.append(c == 0 ? "" : ",").append(columnName(c));
    }
    out.write(line.append('\n').toString());
    SplittableRandom random = new SplittableRandom(seed);
    for (long row = 0; row < rows; row++) {
      line.setLength(0);
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append(',');
          if (random.nextDouble() < missingRate) {
            continue;
          }
        }
        appendValue(line, c, random);
      }
      out.write(line.append('\n').toString());
      if ((row + 1) % 100_000 == 0) {
        progress.accept(row + 1);
      }
    }
    progress.accept(rows);
  }

  public static String columnName(int c) {
    return switch (c % 5) {
      case 0 -> "num_" + c;
      case 1 -> "amount_" + c;
      case 2 -> "count_" + c;
      case 3 -> "cat_" + c;
      default -> "flag_" + c;
    };
  }

  private void appendValue(StringBuilder line, int c, SplittableRandom random) {
    switch (c % 5) {
      case 0 -> appendRounded(line, 10 + drift + 3 * gaussian(random));
      case 1 -> appendRounded(line, Math.exp(gaussian(random)));
      case 2 -> line.append(poisson(random, 4));
      case 3 -> line.append("c").append(category(random));
      default -> line.append(random.nextBoolean() ? "true" : "false");
    }
  }

  /** Four decimals keep files realistic in size and make every written value parse back exactly the same. */
  private static void appendRounded(StringBuilder line, double v) {
    line.append(Math.round(v * 10_000) / 10_000.0);
  }

  private int category(SplittableRandom random) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = zipfCumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (zipfCumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double[] zipf(int n, double exponent) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, Math.max(exponent, 0.0));
      cumulative[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cumulative[k] /= sum;
    }
    return cumulative;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}
