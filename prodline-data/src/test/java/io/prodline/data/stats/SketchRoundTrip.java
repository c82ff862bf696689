package io.prodline.data.stats;

import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.StringColumn;
import java.util.Arrays;

/**
 * Writes and reads back each kind of sketch, then prints the Java release it ran on; run in a JVM of another release
 * by {@link SketchMemoryTest}. Exits with status 1 when a sketch read back differs from the one written.
 */
public final class SketchRoundTrip {
  private SketchRoundTrip() {}

  public static void main(String[] args) {
    StringColumn column = StringColumn.of("p", "q", "p", null, "r");
    TopValuesCombiner top = TopValuesCombiner.create(2, 64);
    top.add(column);
    DistinctCountCombiner distinct = DistinctCountCombiner.create(10);
    distinct.add(column);
    QuantilesCombiner quantiles = QuantilesCombiner.create(200, 10, 4);
    double[] values = new double[10_000];
    Arrays.setAll(values, i -> Math.sin(i));
    quantiles.add(Float64Column.of(values), Weights.unit(values.length));
    boolean same = TopValuesCombiner.fromBytes(top.toBytes()).result().equals(top.result())
        && DistinctCountCombiner.fromBytes(distinct.toBytes()).result().equals(distinct.result())
        && QuantilesCombiner.fromBytes(quantiles.toBytes()).result().equals(quantiles.result());
    System.out.println("java.version=" + System.getProperty("java.version") + " sketches read back "
        + (same ? "equal" : "different"));
    System.exit(same ? 0 : 1);
  }
}
