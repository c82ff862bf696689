package io.prodline.core.runtime.xgboost;

import java.util.Arrays;
import java.util.List;

/**
 * Checks the trees of a gbtree model document and lays them out as a {@link TreeEnsemble} (breadth-first, sibling
 * pairs, self-looping leaves: see there). Every index the evaluator will follow is checked here (children in range,
 * each node reached once from the root, features within {@code num_feature}, groups within the output groups), so
 * evaluation needs no checks and cannot loop or fail.
 */
final class TreeEnsembleParser {
  /** A node's link holds twice its left child's index in 32 bits, so indices must stay below 2^30. */
  private static final int MAX_NODES = 1 << 30;

  private TreeEnsembleParser() {}

  /**
   * @param model the {@code gradient_booster.model} object (for dart, {@code gradient_booster.gbtree.model})
   * @param weightDrop dart's per-tree weights, or null for gbtree
   */
  static TreeEnsemble parse(DocumentNode model, DocumentNode weightDrop, int numFeature, int groups) {
    List<DocumentNode> trees = model.field("trees").elements();
    DocumentNode treeInfoNode = model.field("tree_info");
    int[] treeInfo = treeInfoNode.ints();
    if (treeInfo.length != trees.size()) {
      throw new ModelFormatException(treeInfoNode.path() + " has " + treeInfo.length + " entries but there are "
          + trees.size() + " trees");
    }
    for (int t = 0; t < treeInfo.length; t++) {
      if (treeInfo[t] < 0 || treeInfo[t] >= groups) {
        throw new ModelFormatException(treeInfoNode.path() + "[" + t + "] = " + treeInfo[t]
            + " is not an output group (the model has " + groups + ")");
      }
    }
    float[] weights = null;
    if (weightDrop != null) {
      weights = weightDrop.floats();
      if (weights.length != trees.size()) {
        throw new ModelFormatException(weightDrop.path() + " has " + weights.length + " entries but there are "
            + trees.size() + " trees");
      }
    }

    Tree[] read = new Tree[trees.size()];
    int[][] orders = new int[trees.size()][];
    long totalNodes = 0;
    for (int t = 0; t < read.length; t++) {
      read[t] = Tree.read(trees.get(t), numFeature);
      orders[t] = read[t].breadthFirst();
      totalNodes += orders[t].length;
    }
    if (totalNodes > MAX_NODES) {
      throw new ModelFormatException("the model has " + totalNodes + " nodes, more than this evaluator can hold");
    }
    int total = (int) totalNodes;
    int[] roots = new int[read.length];
    int[] depths = new int[read.length];
    long[] links = new long[total];
    float[] thresholds = new float[total];
    float[] leafValues = new float[total];
    long[][] categories = Arrays.stream(read).anyMatch(Tree::hasCategories) ? new long[total][] : null;
    int offset = 0;
    for (int t = 0; t < read.length; t++) {
      roots[t] = offset;
      depths[t] = layOut(read[t], orders[t], offset, links, thresholds, leafValues, categories);
      offset += orders[t].length;
    }
    return new TreeEnsemble(numFeature, groups, roots, depths, treeInfo, weights, links, thresholds, leafValues,
        categories);
  }

  /**
   * Writes one tree's nodes, in {@code order}, from global index {@code at} in {@link TreeEnsemble}'s layout (the
   * j-th split's children at positions 1 + 2j and 2 + 2j, which is where {@link Tree#breadthFirst} puts them; leaves
   * link back to themselves), and each categorical split's set into {@code categories} (null when the model has
   * none). Returns the tree's depth.
   */
  private static int layOut(Tree tree, int[] order, int at, long[] links, float[] thresholds, float[] leafValues,
      long[][] categories) {
    int[] level = new int[order.length];
    int depth = 0;
    int nextChild = 1;
    for (int i = 0; i < order.length; i++) {
      int node = order[i];
      int g = at + i;
      if (tree.left[node] == -1) {
        links[g] = link(g - 1, true, 0);
        thresholds[g] = Float.NaN;
        leafValues[g] = tree.splitConditions[node];
        depth = Math.max(depth, level[i]);
      } else {
        links[g] = link(at + nextChild, !tree.defaultLeft[node], tree.feature[node]);
        thresholds[g] = tree.splitConditions[node]; // a NaN one sends every present value right, as TreeEnsemble says
        if (tree.hasCategories()) {
          categories[g] = tree.categories[node];
        }
        level[nextChild] = level[i] + 1;
        level[nextChild + 1] = level[i] + 1;
        nextChild += 2;
      }
    }
    return depth;
  }

  /** {@link TreeEnsemble}'s packed node: {@code (leftChild * 2 + (defaultRight ? 1 : 0)) << 32 | feature}. */
  private static long link(int leftChild, boolean defaultRight, int feature) {
    return (long) (leftChild * 2 + (defaultRight ? 1 : 0)) << 32 | feature;
  }

  /**
   * One tree's arrays as saved, checked for consistency; {@code categories} holds each categorical split's set as
   * bits (bit c of word c / 64), null for every other node, or is null for a tree without categorical splits.
   */
  private record Tree(int[] left, int[] right, int[] feature, float[] splitConditions, boolean[] defaultLeft,
      long[][] categories) {
    int size() {
      return left.length;
    }

    boolean hasCategories() {
      return categories != null;
    }

    /**
     * The nodes reachable from the root in breadth-first order, each split's children appended side by side
     * (left, right). Saved trees may also hold deleted nodes, which nothing reaches and this leaves out.
     */
    int[] breadthFirst() {
      int[] order = new int[size()]; // order[0] = 0: the root
      int count = 1;
      for (int i = 0; i < count; i++) {
        int node = order[i];
        if (left[node] != -1) {
          order[count++] = left[node];
          order[count++] = right[node];
        }
      }
      return Arrays.copyOf(order, count);
    }

    static Tree read(DocumentNode node, int numFeature) {
      refuseUnsupported(node);
      DocumentNode leftNode = node.field("left_children");
      int[] left = leftNode.ints();
      int n = left.length;
      if (n == 0) {
        throw new ModelFormatException(leftNode.path() + " is empty: a tree needs at least a root");
      }
      if (node.has("tree_param") && node.field("tree_param").has("num_nodes")) {
        DocumentNode numNodes = node.field("tree_param").field("num_nodes");
        if (numNodes.integer() != n) {
          throw new ModelFormatException(numNodes.path() + " is " + numNodes.integer() + " but "
              + leftNode.path() + " has " + n + " entries");
        }
      }
      int[] right = sized(node, "right_children", n).ints();
      int[] feature = sized(node, "split_indices", n).ints();
      float[] split = sized(node, "split_conditions", n).floats();
      boolean[] defaultLeft = sized(node, "default_left", n).booleans();
      if (node.has("base_weights")) {
        // Only checked for length: a leaf's value is split_conditions[i]; base_weights holds the weight before
        // the learning rate (eta) was applied, so it equals the leaf value only when eta is 1.
        sized(node, "base_weights", n);
      }
      Tree tree = new Tree(left, right, feature, split, defaultLeft, categorySets(node, left));
      tree.check(node, numFeature);
      return tree;
    }

    private static DocumentNode sized(DocumentNode tree, String name, int n) {
      return sized(tree, name, n, "left_children");
    }

    private static DocumentNode sized(DocumentNode tree, String name, int n, String sizedLike) {
      DocumentNode array = tree.field(name);
      if (array.size() != n) {
        throw new ModelFormatException(array.path() + " has " + array.size() + " entries but "
            + tree.path() + "." + sizedLike + " has " + n);
      }
      return array;
    }

    /**
     * Each categorical split's categories as bits, from {@code split_type} (0 numerical, 1 categorical; absent in
     * files older than categorical support) and the flat {@code categories} list, which {@code categories_nodes}
     * cuts into one run per categorical split ({@code categories_segments}, {@code categories_sizes}); null for a
     * tree without one, nearly every tree.
     */
    private static long[][] categorySets(DocumentNode node, int[] left) {
      int n = left.length;
      if (!node.has("split_type")) {
        return null;
      }
      int[] splitType = sized(node, "split_type", n).ints();
      boolean any = false;
      for (int i = 0; i < n; i++) {
        if (splitType[i] != 0 && splitType[i] != 1) {
          throw new ModelFormatException(node.path() + ".split_type[" + i + "] = " + splitType[i]
              + " is neither 0 (numerical) nor 1 (categorical)");
        }
        any |= splitType[i] == 1 && left[i] != -1;
      }
      if (!any) {
        return null;
      }
      long[][] sets = new long[n][];
      int[] nodes = node.field("categories_nodes").ints();
      int[] segments = sized(node, "categories_segments", nodes.length, "categories_nodes").ints();
      int[] sizes = sized(node, "categories_sizes", nodes.length, "categories_nodes").ints();
      int[] categories = node.field("categories").ints();
      for (int k = 0; k < nodes.length; k++) {
        int at = nodes[k];
        if (at < 0 || at >= n || splitType[at] != 1) {
          throw new ModelFormatException(node.path() + ".categories_nodes[" + k + "] = " + at
              + " is not a categorical split of this tree");
        }
        if (segments[k] < 0 || sizes[k] < 0 || (long) segments[k] + sizes[k] > categories.length) {
          throw new ModelFormatException(node.path() + ": categories_segments[" + k + "] = " + segments[k]
              + " and categories_sizes[" + k + "] = " + sizes[k] + " run outside categories, which has "
              + categories.length + " entries");
        }
        sets[at] = categorySet(node, categories, segments[k], sizes[k]);
      }
      for (int i = 0; i < n; i++) {
        if (splitType[i] == 1 && left[i] != -1 && sets[i] == null) {
          throw new ModelFormatException(node.path() + ": node " + i + " is a categorical split (split_type 1)"
              + " but categories_nodes does not list it, so its categories are unknown");
        }
      }
      return sets;
    }

    private static long[] categorySet(DocumentNode node, int[] categories, int from, int count) {
      int largest = -1;
      for (int i = from; i < from + count; i++) {
        if (categories[i] < 0 || categories[i] >= TreeEnsemble.MAX_CATEGORY) {
          throw new ModelFormatException(node.path() + ".categories[" + i + "] = " + categories[i]
              + " is not a category (XGBoost's are 0 to 2^24 - 1)");
        }
        largest = Math.max(largest, categories[i]);
      }
      long[] set = new long[(largest >> 6) + 1];
      for (int i = from; i < from + count; i++) {
        set[categories[i] >>> 6] |= 1L << categories[i];
      }
      return set;
    }

    private static void refuseUnsupported(DocumentNode node) {
      if (node.has("tree_param") && node.field("tree_param").has("size_leaf_vector")) {
        DocumentNode leafVector = node.field("tree_param").field("size_leaf_vector");
        if (leafVector.integer() > 1) {
          throw new ModelFormatException("vector-leaf trees (multi_strategy=multi_output_tree) are not supported ("
              + leafVector.path() + " = " + leafVector.integer() + ")");
        }
      }
    }

    /** Children in range, every node reached at most once from the root (no cycles), split features in range. */
    private void check(DocumentNode node, int numFeature) {
      int n = size();
      boolean[] seen = new boolean[n];
      int[] stack = new int[n];
      int top = 0;
      stack[top++] = 0;
      seen[0] = true;
      while (top > 0) {
        int i = stack[--top];
        if (left[i] == -1) {
          continue;
        }
        if (feature[i] < 0 || feature[i] >= numFeature) {
          throw new ModelFormatException(node.path() + ".split_indices[" + i + "] = " + feature[i]
              + " is not a feature index (num_feature is " + numFeature + ")");
        }
        for (int child : new int[] {left[i], right[i]}) {
          if (child <= 0 || child >= n) {
            throw new ModelFormatException(node.path() + ": node " + i + " has child " + child
                + ", outside the tree's " + n + " nodes");
          }
          if (seen[child]) {
            throw new ModelFormatException(node.path() + ": node " + child
                + " is reached twice; the tree is not a tree");
          }
          seen[child] = true;
          stack[top++] = child;
        }
      }
    }
  }
}
