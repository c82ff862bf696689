package io.prodline.data.stats;

import io.prodline.core.frame.Column;

/**
 * Weighted mean and population standard deviation of the finite values of a numeric column, with min, max, zero
 * count and separate NaN/+infinity/-infinity counts.
 *
 * <p>Each added column is summarised with a two-pass (mean, then corrected sum of squared deviations) and
 * folded in with the parallel update of Chan, Golub and LeVeque (1979), which is also how {@link #merge} works;
 * merging in any order agrees with a single pass to within floating-point rounding (relative ~1e-12 on
 * ordinary data). Counts, min and max are exact. int64 values are read as doubles, exact up to 2^53.
 */
public final class MomentsCombiner implements Combiner<MomentsCombiner, MomentStatistics> {
  private static final int VERSION = 1;

  private long numFinite;
  private double weight;
  private double mean;
  /** Weighted sum of squared deviations from {@link #mean}. */
  private double m2;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private long numZeros;
  private long numNan;
  private long numPositiveInfinity;
  private long numNegativeInfinity;

  private MomentsCombiner() {}

  public static MomentsCombiner create() {
    return new MomentsCombiner();
  }

  /** Adds a float64 or int64 column; null rows are skipped. */
  @Override
  public void add(Column column, Weights weights) {
    add(NumericValues.of(column, weights));
  }

  /** Adds one batch's non-null values. */
  void add(NumericValues values) {
    long batchFinite = 0;
    double batchWeight = 0;
    double weightedSum = 0;
    for (int i = 0; i < values.count(); i++) {
      double x = values.value(i);
      if (Double.isNaN(x)) {
        numNan++;
      } else if (x == Double.POSITIVE_INFINITY) {
        numPositiveInfinity++;
      } else if (x == Double.NEGATIVE_INFINITY) {
        numNegativeInfinity++;
      } else {
        batchFinite++;
        batchWeight += values.weight(i);
        weightedSum += values.weight(i) * x;
        min = Math.min(min, x);
        max = Math.max(max, x);
        if (x == 0) {
          numZeros++;
        }
      }
    }
    numFinite += batchFinite;
    if (batchWeight == 0) {
      return;
    }
    double batchMean = weightedSum / batchWeight;
    double squares = 0;
    double deviations = 0;
    for (int i = 0; i < values.count(); i++) {
      double x = values.value(i);
      if (Double.isFinite(x)) {
        double d = x - batchMean;
        squares += values.weight(i) * d * d;
        deviations += values.weight(i) * d;
      }
    }
    // The second term corrects for rounding in batchMean (the "corrected two-pass" algorithm).
    batchMean += deviations / batchWeight;
    combine(batchWeight, batchMean, squares - deviations * deviations / batchWeight);
  }

  @Override
  public void merge(MomentsCombiner other) {
    numFinite += other.numFinite;
    combine(other.weight, other.mean, other.m2);
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    numZeros += other.numZeros;
    numNan += other.numNan;
    numPositiveInfinity += other.numPositiveInfinity;
    numNegativeInfinity += other.numNegativeInfinity;
  }

  /** Chan et al.'s pairwise update of (weight, mean, m2) with another group's. */
  private void combine(double otherWeight, double otherMean, double otherM2) {
    if (otherWeight == 0) {
      return;
    }
    if (weight == 0) {
      weight = otherWeight;
      mean = otherMean;
      m2 = otherM2;
      return;
    }
    double total = weight + otherWeight;
    double delta = otherMean - mean;
    mean += delta * (otherWeight / total);
    m2 += otherM2 + delta * delta * (weight * otherWeight / total);
    weight = total;
  }

  @Override
  public MomentStatistics result() {
    boolean weighted = weight > 0;
    boolean any = numFinite > 0;
    return new MomentStatistics(
        numFinite,
        weight,
        weighted ? mean : null,
        weighted ? Math.sqrt(Math.max(0, m2) / weight) : null,
        any ? min : null,
        any ? max : null,
        numZeros,
        numNan,
        numPositiveInfinity,
        numNegativeInfinity);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.MOMENTS, VERSION)
        .writeLong(numFinite).writeDouble(weight).writeDouble(mean).writeDouble(m2)
        .writeDouble(min).writeDouble(max)
        .writeLong(numZeros).writeLong(numNan).writeLong(numPositiveInfinity).writeLong(numNegativeInfinity)
        .toByteArray();
  }

  public static MomentsCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.MOMENTS, VERSION);
    MomentsCombiner c = new MomentsCombiner();
    c.numFinite = in.readLong();
    c.weight = in.readDouble();
    c.mean = in.readDouble();
    c.m2 = in.readDouble();
    c.min = in.readDouble();
    c.max = in.readDouble();
    c.numZeros = in.readLong();
    c.numNan = in.readLong();
    c.numPositiveInfinity = in.readLong();
    c.numNegativeInfinity = in.readLong();
    in.end();
    return c;
  }
}
