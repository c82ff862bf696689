package io.prodline.core.runtime.xgboost;

import java.util.Arrays;

/**
 * All trees of a gbtree (or dart) model in three primitive arrays indexed by a global node number, evaluated many
 * tree walks at a time without branches on the data.
 *
 * <p>Layout ({@link TreeEnsembleParser} builds it): each tree's nodes in breadth-first order, the two children of a
 * split side by side, so the left child's index is all a node needs to find both. Per node, {@code links} holds
 * {@code (leftChild * 2 + (1 if a missing value goes right)) << 32 | splitFeature} (one load for what a step needs
 * besides the threshold), {@code thresholds} the split value. A leaf links back to itself: its "left child" is its
 * own index - 1, its threshold NaN and its default right, so every step from a leaf goes "right", onto the leaf
 * again. A walk can therefore take a fixed number of steps (its tree's depth) with no test for leaves; one that
 * reaches a leaf early stays there. Leaf values sit in their own array, read once per walk.
 *
 * <p>A step is XGBoost's rule: a missing (NaN) value takes the node's default direction, any other value goes left
 * iff {@code value < threshold} in float (a value equal to the threshold goes right). It is computed as
 * {@code leftChild + goRight} with no branch on the data: splits are close to coin flips, and a mispredicted branch
 * per node cost more than the rest of the walk. Rows with no missing value take a cheaper step that skips the
 * default direction.
 *
 * <p>Walks run in lanes: up to {@value #LANES} walks advance one level per pass, so the CPU overlaps their
 * independent loads instead of waiting on one walk's chain of loads. A block of {@value #MIN_ROW_LANES} to
 * {@value #LANES} rows goes through the trees one tree at a time, a lane per row, so a tree's nodes are fetched once
 * for the block (this pays on models too big for the L2 cache); fewer rows go one row at a time, a lane per tree
 * ({@value #LANES} trees per pass). Either way each row's leaf values are added in tree order, in float, as
 * XGBoost's CPU predictor does, so the sums are the bits a tree-by-tree walk of one row gives.
 */
final class TreeEnsemble implements Booster {
  /**
   * Walks per pass: enough independent work to hide load latency, few enough that their rows stay in L1 (64 rows
   * of 30 features are 7.5 KB). On the 100-tree depth-6 benchmark model 32 and 128 were no faster.
   */
  static final int LANES = 64;
  /**
   * Fewest rows to give a lane each; below it, a lane per tree was faster on the 100-tree model and as fast on a
   * 500-tree depth-8 one.
   */
  static final int MIN_ROW_LANES = 32;

  private final int features;
  private final int outputGroups;
  private final int[] roots;
  /** Steps from each tree's root to its deepest leaf. */
  private final int[] depths;
  /** The deepest tree among trees {@code i * LANES .. (i + 1) * LANES - 1}: the steps of a pass of tree lanes. */
  private final int[] passDepths;
  private final int[] groups;
  /** Per-tree multiplier (dart's {@code weight_drop}), or null when every tree counts once (gbtree). */
  private final float[] treeWeights;
  private final long[] links;
  private final float[] thresholds;
  private final float[] leafValues;

  /**
   * @param features values per input row
   * @param outputGroups margins per row
   * @param roots global node index of each tree's root
   * @param depths each tree's depth (0 for a tree that is a single leaf)
   * @param groups output group of each tree ({@code tree_info})
   * @param treeWeights dart weight of each tree, or null
   * @param links each node's left child, default direction and split feature, packed as the class comment says
   * @param thresholds each node's split threshold: NaN for leaves, never NaN for splits
   * @param leafValues each leaf's value (0 for splits)
   */
  TreeEnsemble(int features, int outputGroups, int[] roots, int[] depths, int[] groups, float[] treeWeights,
      long[] links, float[] thresholds, float[] leafValues) {
    this.features = features;
    this.outputGroups = outputGroups;
    this.roots = roots;
    this.depths = depths;
    this.groups = groups;
    this.treeWeights = treeWeights;
    this.links = links;
    this.thresholds = thresholds;
    this.leafValues = leafValues;
    passDepths = new int[(roots.length + LANES - 1) / LANES];
    for (int t = 0; t < roots.length; t++) {
      passDepths[t / LANES] = Math.max(passDepths[t / LANES], depths[t]);
    }
  }

  @Override
  public void addMargins(float[] x, int rows, float[] margins) {
    int[] node = new int[LANES];
    for (int first = 0; first < rows; first += LANES) {
      int blockRows = Math.min(LANES, rows - first);
      if (blockRows >= MIN_ROW_LANES) {
        addRowLanes(x, first, blockRows, node, margins);
      } else {
        for (int row = first; row < first + blockRows; row++) {
          addTreeLanes(x, row, node, margins);
        }
      }
    }
  }

  /** Rows {@code first ..} (a lane each) through one tree at a time. */
  private void addRowLanes(float[] x, int first, int blockRows, int[] node, float[] margins) {
    int start = first * features;
    boolean missing = anyMissing(x, start, blockRows * features);
    for (int t = 0; t < roots.length; t++) {
      Arrays.fill(node, 0, blockRows, roots[t]);
      descend(x, start, features, node, blockRows, depths[t], missing);
      int m = first * outputGroups + groups[t];
      for (int lane = 0; lane < blockRows; lane++, m += outputGroups) {
        margins[m] += weighted(t, leafValues[node[lane]]);
      }
    }
  }

  /** One row through up to {@value #LANES} trees at a time, a lane per tree. */
  private void addTreeLanes(float[] x, int row, int[] node, float[] margins) {
    int start = row * features;
    boolean missing = anyMissing(x, start, features);
    int m = row * outputGroups;
    for (int t = 0; t < roots.length; t += LANES) {
      int passTrees = Math.min(LANES, roots.length - t);
      System.arraycopy(roots, t, node, 0, passTrees);
      descend(x, start, 0, node, passTrees, passDepths[t / LANES], missing);
      if (outputGroups == 1) { // the common case: sum in a register, not through memory once per tree
        float sum = margins[m];
        for (int k = 0; k < passTrees; k++) {
          sum += weighted(t + k, leafValues[node[k]]);
        }
        margins[m] = sum;
      } else {
        for (int k = 0; k < passTrees; k++) {
          margins[m + groups[t + k]] += weighted(t + k, leafValues[node[k]]);
        }
      }
    }
  }

  private float weighted(int tree, float leaf) {
    return treeWeights == null ? leaf : leaf * treeWeights[tree];
  }

  private static boolean anyMissing(float[] x, int from, int count) {
    boolean missing = false;
    for (int i = from; i < from + count; i++) {
      missing |= x[i] != x[i];
    }
    return missing;
  }

  /**
   * Moves {@code lanes} walks {@code depth} levels down; lane i reads the row at {@code start + i * rowStep} (a row
   * per lane, or one row for all when the step is 0). Walks that reach a leaf stay on it.
   */
  private void descend(float[] x, int start, int rowStep, int[] node, int lanes, int depth, boolean missing) {
    if (missing) {
      descendWithMissing(x, start, rowStep, node, lanes, depth);
      return;
    }
    long[] links = this.links;
    float[] thresholds = this.thresholds;
    for (int level = 0; level < depth; level++) {
      for (int lane = 0, row = start; lane < lanes; lane++, row += rowStep) {
        int n = node[lane];
        long link = links[n];
        float v = x[row + (int) link];
        // Nothing is missing, so the comparison alone decides (at a leaf, v < NaN is false: it stays).
        node[lane] = (int) (link >> 33) + (v < thresholds[n] ? 0 : 1);
      }
    }
  }

  /** {@link #descend} for rows with missing values: one more comparison and the default direction per step. */
  private void descendWithMissing(float[] x, int start, int rowStep, int[] node, int lanes, int depth) {
    long[] links = this.links;
    float[] thresholds = this.thresholds;
    for (int level = 0; level < depth; level++) {
      for (int lane = 0, row = start; lane < lanes; lane++, row += rowStep) {
        int n = node[lane];
        long link = links[n];
        float v = x[row + (int) link];
        float t = thresholds[n];
        int childAndDefault = (int) (link >> 32);
        // Right if v >= t; if v is NaN (both comparisons false), right iff the default is (the low bit). Written
        // as conditional values, not && or ||, so the JIT emits conditional moves rather than branches.
        int goRight = (v >= t ? 1 : 0) | ((v < t ? 0 : 1) & childAndDefault);
        node[lane] = (childAndDefault >> 1) + goRight;
      }
    }
  }
}
