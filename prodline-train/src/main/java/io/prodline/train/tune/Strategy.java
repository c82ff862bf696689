package io.prodline.train.tune;

import java.util.Locale;

/** How the tuner picks configurations. */
public enum Strategy {
  /** {@code trials} independent random draws. */
  RANDOM,
  /** Every point of the grid; {@code trials} is ignored. */
  GRID,
  /**
   * Successive halving: {@code trials} random draws trained with the smallest budget, the best 1/factor of them
   * again with factor times the budget, and so on until the largest budget or one configuration is left.
   */
  HALVING;

  public static Strategy parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown search strategy '" + name + "': expected random, grid or halving");
    }
  }
}
