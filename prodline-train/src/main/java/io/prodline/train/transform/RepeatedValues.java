package io.prodline.train.transform;

import io.prodline.core.frame.Float64Column;
import java.util.Arrays;
import java.util.function.Consumer;

/** Feeds {@code count} copies of one value to a combiner as columns of bounded size. */
final class RepeatedValues {
  private static final int CHUNK = 8192;

  private RepeatedValues() {}

  static void add(double value, long count, Consumer<Float64Column> sink) {
    for (long left = count; left > 0; left -= CHUNK) {
      double[] chunk = new double[(int) Math.min(left, CHUNK)];
      Arrays.fill(chunk, value);
      sink.accept(Float64Column.of(chunk));
    }
  }
}
