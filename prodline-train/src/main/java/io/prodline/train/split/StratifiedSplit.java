package io.prodline.train.split;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits rows so that every class keeps its share in both sides (what scikit-learn's
 * {@code train_test_split(..., stratify=y)} is for), deterministically for a seed.
 *
 * <p>Within each class (in class-index order), rows are ordered by {@link HashSplit#hash} of the row's index as
 * decimal text with {@code seed}, ties by row index; the first {@code round(evalFraction * n_c)} (half up) go to
 * eval. The rule is short on purpose: {@code bench/xgboost_parity.py} re-implements it to reproduce the split
 * exactly in Python. Unlike {@link HashSplit}, assignments depend on row order, so reordering the file moves rows.
 */
public final class StratifiedSplit {
  private final double evalFraction;
  private final long seed;

  public StratifiedSplit(double evalFraction, long seed) {
    if (!(evalFraction > 0 && evalFraction < 1)) {
      throw new IllegalArgumentException("eval fraction must be between 0 and 1 (exclusive), got " + evalFraction);
    }
    this.evalFraction = evalFraction;
    this.seed = seed;
  }

  /** @param classIndex the class index of every row */
  public HashSplit.Result split(float[] classIndex) {
    int classes = 0;
    for (float c : classIndex) {
      classes = Math.max(classes, (int) c + 1);
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int row = 0; row < classIndex.length; row++) {
      byClass.get((int) classIndex[row]).add(row);
    }
    boolean[] inEval = new boolean[classIndex.length];
    int evalCount = 0;
    for (List<Integer> rows : byClass) {
      rows.sort(Comparator.<Integer>comparingLong(r -> HashSplit.hash(Integer.toString(r), seed))
          .thenComparing(Comparator.naturalOrder()));
      int take = (int) Math.floor(evalFraction * rows.size() + 0.5);
      for (int i = 0; i < take; i++) {
        inEval[rows.get(i)] = true;
      }
      evalCount += take;
    }
    int[] train = new int[classIndex.length - evalCount];
    int[] eval = new int[evalCount];
    int t = 0;
    int e = 0;
    for (int row = 0; row < inEval.length; row++) {
      if (inEval[row]) {
        eval[e++] = row;
      } else {
        train[t++] = row;
      }
    }
    return new HashSplit.Result(train, eval);
  }
}
