package io.prodline.core.runtime.xgboost;

/**
 * All trees of a gbtree (or dart) model in a few primitive arrays indexed by a global node number, evaluated many
 * tree walks at a time without branches on the data.
 *
 * <p>Layout ({@link TreeEnsembleParser} builds it): each tree's nodes in breadth-first order, the two children of a
 * split side by side, so a split needs one child index ({@code child}, the left child; the right is
 * {@code child + 1}). A leaf points back at itself: its threshold is NaN and it defaults right, so the step below
 * always adds 1, and its {@code child} is its own index - 1. A walk can therefore take a fixed number of steps (the
 * tree's depth): a walk that reaches a leaf early stays there, and no step has to ask whether it is at a leaf.
 *
 * <p>A step is XGBoost's rule: a missing (NaN) value takes the node's default direction, any other value goes left
 * iff {@code value < threshold} in float (a value equal to the threshold goes right). It is computed as
 * {@code child + goRight} with no branch on the value: tree splits are close to coin flips, and a mispredicted
 * branch per node used to cost more than the walk itself.
 *
 * <p>Walks run in lanes: up to {@value #LANES} (row, tree) pairs advance one level per pass, so the CPU overlaps
 * their independent loads instead of waiting on one walk's chain of loads. A block of up to {@value #LANES} rows
 * goes through the trees together (a tree's nodes stay in L1 while every row of the block uses them); a smaller
 * request takes several trees per pass instead (one row: {@value #LANES} trees at a time). Each row's leaf values
 * are still added in tree order, in float, as XGBoost's CPU predictor does, so the sums are the same bits as a
 * tree-by-tree walk of one row.
 */
final class TreeEnsemble implements Booster {
  /**
   * Walks in flight per pass: enough independent work to hide load latency; few enough that their nodes and rows
   * stay in L1 (64 rows of 30 features are 7.5 KB). Measured on the 100-tree depth-6 model: 16 to 64 rows per pass
   * are within a few percent of each other.
   */
  static final int LANES = 64;

  private final int features;
  private final int outputGroups;
  private final int[] roots;
  /** Steps from each tree's root to its deepest leaf. */
  private final int[] depths;
  private final int[] groups;
  /** Per-tree multiplier (dart's {@code weight_drop}), or null when every tree counts once (gbtree). */
  private final float[] treeWeights;
  private final int[] child;
  private final int[] feature;
  private final float[] threshold;
  private final boolean[] defaultRight;
  private final float[] leafValue;

  /**
   * @param features values per input row
   * @param outputGroups margins per row
   * @param roots global node index of each tree's root
   * @param depths each tree's depth (0 for a tree that is a single leaf)
   * @param groups output group of each tree ({@code tree_info})
   * @param treeWeights dart weight of each tree, or null
   * @param child global index of each split's left child (the right child follows it); a leaf's own index - 1
   * @param feature split feature of each node (0 for leaves)
   * @param threshold split threshold of each node, NaN for leaves
   * @param defaultRight whether a missing value goes right; true for leaves
   * @param leafValue the value of each leaf (0 for splits)
   */
  TreeEnsemble(int features, int outputGroups, int[] roots, int[] depths, int[] groups, float[] treeWeights,
      int[] child, int[] feature, float[] threshold, boolean[] defaultRight, float[] leafValue) {
    this.features = features;
    this.outputGroups = outputGroups;
    this.roots = roots;
    this.depths = depths;
    this.groups = groups;
    this.treeWeights = treeWeights;
    this.child = child;
    this.feature = feature;
    this.threshold = threshold;
    this.defaultRight = defaultRight;
    this.leafValue = leafValue;
  }

  int treeCount() {
    return roots.length;
  }

  int nodeCount() {
    return child.length;
  }

  @Override
  public void addMargins(float[] x, int rows, float[] margins) {
    int[] node = new int[LANES];
    int[] rowStart = new int[LANES];
    for (int first = 0; first < rows; first += LANES) {
      int blockRows = Math.min(LANES, rows - first);
      int treesPerPass = LANES / blockRows;
      for (int t = 0; t < roots.length; t += treesPerPass) {
        int passTrees = Math.min(treesPerPass, roots.length - t);
        // Lane r * passTrees + k walks tree t + k for row first + r.
        int depth = 0;
        for (int k = 0; k < passTrees; k++) {
          depth = Math.max(depth, depths[t + k]);
        }
        for (int r = 0, lane = 0; r < blockRows; r++) {
          for (int k = 0; k < passTrees; k++, lane++) {
            node[lane] = roots[t + k];
            rowStart[lane] = (first + r) * features;
          }
        }
        descend(x, node, rowStart, blockRows * passTrees, depth);
        for (int r = 0, lane = 0; r < blockRows; r++) {
          int m = (first + r) * outputGroups;
          for (int k = 0; k < passTrees; k++, lane++) {
            float leaf = leafValue[node[lane]];
            margins[m + groups[t + k]] += treeWeights == null ? leaf : leaf * treeWeights[t + k];
          }
        }
      }
    }
  }

  /** Moves every lane {@code depth} levels down its tree; lanes that reach a leaf stay on it. */
  private void descend(float[] x, int[] node, int[] rowStart, int lanes, int depth) {
    int[] child = this.child;
    int[] feature = this.feature;
    float[] threshold = this.threshold;
    boolean[] defaultRight = this.defaultRight;
    for (int level = 0; level < depth; level++) {
      for (int lane = 0; lane < lanes; lane++) {
        int n = node[lane];
        float v = x[rowStart[lane] + feature[n]];
        // !(v < t) is 1 for NaN as well; "& (v == v | defaultRight)" keeps it only where missing goes right.
        // Written as plain conditional values (no && or ||) so the JIT emits conditional moves, not branches.
        int goRight = (v < threshold[n] ? 0 : 1) & ((v == v | defaultRight[n]) ? 1 : 0);
        node[lane] = child[n] + goRight;
      }
    }
  }
}
