package io.prodline.bench;

import java.util.SplittableRandom;

/**
 * Seeded rows of numeric features with a binary label that is a fixed nonlinear function of the first ten
 * (products, a square, a sine, a switch); the rest are noise. Trees must grow deep to learn it, so training and
 * predicting cost what they cost on real data, and the same seed always gives the same rows.
 */
public final class LearnableRows {
  /** The label reads features 0 to 9. */
  public static final int MIN_FEATURES = 10;
  private final int features;
  private final SplittableRandom random;

  public LearnableRows(int features, long seed) {
    if (features < MIN_FEATURES) {
      throw new IllegalArgumentException("need at least " + MIN_FEATURES + " features, got " + features);
    }
    this.features = features;
    this.random = new SplittableRandom(seed);
  }

  public int features() {
    return features;
  }

  /**
   * Fills {@code x} with the next row: standard normal values rounded to four decimals, so a CSV holds them
   * exactly and every reader sees the same numbers.
   */
  public void next(double[] x) {
    for (int f = 0; f < features; f++) {
      x[f] = Math.round(gaussian() * 10_000) / 10_000.0;
    }
  }

  /** The class of a row: 1 when the score is positive (about half the rows). */
  public static int label(double[] x) {
    double score = x[0] + x[1] * x[2] - 0.5 * x[3] * x[3] + Math.sin(2 * x[4]) + 0.5 * Math.abs(x[5])
        + 0.3 * (x[6] - x[7]) + (x[8] > 0.5 ? 0.7 : -0.2) * x[9] + 0.1;
    return score > 0 ? 1 : 0;
  }

  private double gaussian() {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
