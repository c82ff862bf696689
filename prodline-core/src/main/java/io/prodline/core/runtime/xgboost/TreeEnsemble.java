package io.prodline.core.runtime.xgboost;

/**
 * All trees of a gbtree (or dart) model flattened into a few primitive arrays, indexed by a global node number, so
 * that prediction walks plain arrays with no objects and no allocation.
 *
 * <p>Traversal is XGBoost's: a node is a leaf when its left child is -1, and then {@code splitOrLeaf} holds its
 * value; otherwise a missing (NaN) value takes the default direction and any other value goes left iff
 * {@code value < threshold} in float (so a value equal to the threshold goes right). Leaf values are added to the
 * tree's output group in tree order, in float, as XGBoost's CPU predictor does.
 */
final class TreeEnsemble implements Booster {
  private final int[] roots;
  private final int[] groups;
  /** Per-tree multiplier (dart's {@code weight_drop}), or null when every tree counts once (gbtree). */
  private final float[] treeWeights;
  private final int[] left;
  private final int[] right;
  private final int[] feature;
  private final float[] splitOrLeaf;
  private final boolean[] defaultLeft;

  /**
   * @param roots global node index of each tree's root
   * @param groups output group of each tree ({@code tree_info})
   * @param treeWeights dart weight of each tree, or null
   * @param left global index of each node's left child, -1 for leaves
   * @param right global index of each node's right child
   * @param feature split feature of each node
   * @param splitOrLeaf split threshold, or leaf value for leaves
   * @param defaultLeft whether a missing value goes left
   */
  TreeEnsemble(int[] roots, int[] groups, float[] treeWeights, int[] left, int[] right, int[] feature,
      float[] splitOrLeaf, boolean[] defaultLeft) {
    this.roots = roots;
    this.groups = groups;
    this.treeWeights = treeWeights;
    this.left = left;
    this.right = right;
    this.feature = feature;
    this.splitOrLeaf = splitOrLeaf;
    this.defaultLeft = defaultLeft;
  }

  int treeCount() {
    return roots.length;
  }

  int nodeCount() {
    return left.length;
  }

  @Override
  public void addMargins(float[] features, int row, float[] margins, int m) {
    for (int t = 0; t < roots.length; t++) {
      float leaf = leafValue(features, row, roots[t]);
      if (treeWeights == null) {
        margins[m + groups[t]] += leaf;
      } else {
        margins[m + groups[t]] += leaf * treeWeights[t];
      }
    }
  }

  private float leafValue(float[] features, int row, int root) {
    int[] left = this.left;
    int n = root;
    int l;
    while ((l = left[n]) >= 0) {
      float v = features[row + feature[n]];
      if (v != v) { // NaN: missing
        n = defaultLeft[n] ? l : right[n];
      } else {
        n = v < splitOrLeaf[n] ? l : right[n];
      }
    }
    return splitOrLeaf[n];
  }
}
