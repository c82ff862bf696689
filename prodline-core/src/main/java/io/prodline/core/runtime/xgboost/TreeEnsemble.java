package io.prodline.core.runtime.xgboost;

import io.prodline.core.numbers.SortableFloats;
import java.util.Arrays;

/**
 * All trees of a gbtree (or dart) model in primitive arrays indexed by a global node number, evaluated many tree
 * walks at a time without branches on the data.
 *
 * <p>Layout ({@link TreeEnsembleParser} builds it): each tree's nodes in breadth-first order, the two children of a
 * split side by side, so the left child's index is all a node needs to find both. A leaf links back to itself: its
 * "left child" is its own index - 1 and every step from it goes "right", onto the leaf again. A walk can therefore
 * take a fixed number of steps (its tree's depth) with no test for leaves; one that reaches a leaf early stays
 * there. Leaf values sit in their own array, read once per walk.
 *
 * <p>A step is XGBoost's rule: a missing (NaN) value takes the node's default direction, any other value goes left
 * iff {@code value < threshold} in float (a value equal to the threshold goes right). It is one comparison of ints,
 * with no branch on the data (splits are close to coin flips, and a mispredicted branch per node cost more than the
 * rest of the walk), on the floats' {@linkplain SortableFloats order-preserving integer keys}: each row is read
 * once into two keyed copies, one where a missing value is above every key and one where it is below every key,
 * and a node reads its feature from the copy that sends a missing value its default way. So missing values cost no
 * more than present ones (with a second comparison per step for them, rows with a missing value took about 30%
 * longer).
 *
 * <p>A categorical split (XGBoost's {@code split_type} 1) sends a value right iff its category, the value truncated
 * to an integer, is in the node's set; a missing value takes the default direction and a value that is no category
 * (negative, 2^24 or more, or beyond every category in the set) goes left, as XGBoost's predictor decides. A model
 * with such splits walks with a test per step for the node's kind ({@link #descendWithCategories}); a model with
 * none never pays for it.
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
   * of 30 features, keyed twice, are 15 KB). On the 100-tree depth-6 benchmark model 32 and 128 were no faster.
   */
  static final int LANES = 64;
  /**
   * Fewest rows to give a lane each; below it, a lane per tree was faster on the 100-tree model and as fast on a
   * 500-tree depth-8 one.
   */
  static final int MIN_ROW_LANES = 32;
  /** A missing value's key in the copy that sends it left: below every other key. */
  private static final int MISSING_LEFT = Integer.MIN_VALUE;
  /** A missing value's key in the copy that sends it right: above every other key. */
  private static final int MISSING_RIGHT = Integer.MAX_VALUE;
  /**
   * The threshold key of a leaf and of a NaN threshold: below every value's key, so every value goes right, but
   * above {@link #MISSING_LEFT}, so a missing value still goes left where that is the default (v &lt; NaN is false
   * for any v, and XGBoost sends a missing value its default way whatever the threshold).
   */
  private static final int BELOW_EVERY_VALUE = Integer.MIN_VALUE + 1;
  /** XGBoost's bound on categories: 2^24, the first integer a float cannot tell from its neighbour. */
  static final float MAX_CATEGORY = 1 << 24;

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
  /** Per node: {@code leftChild << 32 | column}, the column in a keyed row copy ({@link #keyRows}). */
  private final long[] steps;
  /** Per node: the threshold's {@link SortableFloats#key}; a leaf's (and a NaN threshold's) sends every value right. */
  private final int[] thresholdKeys;
  private final float[] leafValues;
  /**
   * Per node: the categories of a categorical split as a bit set (bit c of word c / 64), null for a numeric one; or
   * null for a model with no categorical split.
   */
  private final long[][] categories;

  /**
   * @param features values per input row
   * @param outputGroups margins per row
   * @param roots global node index of each tree's root
   * @param depths each tree's depth (0 for a tree that is a single leaf)
   * @param groups output group of each tree ({@code tree_info})
   * @param treeWeights dart weight of each tree, or null
   * @param links each node's {@code (leftChild * 2 + (1 if a missing value goes right)) << 32 | splitFeature}; a
   *     leaf's left child is its own index - 1 and its default right
   * @param thresholds each node's split threshold: NaN for leaves (a split's NaN threshold sends every present
   *     value right, as {@code v < NaN} is false)
   * @param leafValues each leaf's value (0 for splits)
   * @param categories each node's category set as bits for a categorical split, else null; null when no node has one
   */
  TreeEnsemble(int features, int outputGroups, int[] roots, int[] depths, int[] groups, float[] treeWeights,
      long[] links, float[] thresholds, float[] leafValues, long[][] categories) {
    this.features = features;
    this.outputGroups = outputGroups;
    this.roots = roots;
    this.depths = depths;
    this.groups = groups;
    this.treeWeights = treeWeights;
    this.leafValues = leafValues;
    this.categories = categories;
    steps = new long[links.length];
    thresholdKeys = new int[links.length];
    for (int n = 0; n < links.length; n++) {
      boolean missingGoesRight = ((links[n] >>> 32) & 1) == 1;
      int column = (int) links[n] + (missingGoesRight ? 0 : features);
      steps[n] = (links[n] >> 33) << 32 | column; // a leaf's "left child" may be -1: kept signed
      thresholdKeys[n] = Float.isNaN(thresholds[n]) ? BELOW_EVERY_VALUE : SortableFloats.key(thresholds[n]);
    }
    passDepths = new int[(roots.length + LANES - 1) / LANES];
    for (int t = 0; t < roots.length; t++) {
      passDepths[t / LANES] = Math.max(passDepths[t / LANES], depths[t]);
    }
  }

  @Override
  public void addMargins(float[] x, int rows, float[] margins) {
    int[] node = new int[LANES];
    int[] keyed = new int[Math.min(rows, LANES) * 2 * features];
    for (int first = 0; first < rows; first += LANES) {
      int blockRows = Math.min(LANES, rows - first);
      keyRows(x, first, blockRows, keyed);
      if (blockRows >= MIN_ROW_LANES) {
        addRowLanes(keyed, first, blockRows, node, margins);
      } else {
        for (int row = 0; row < blockRows; row++) {
          addTreeLanes(keyed, row, first + row, node, margins);
        }
      }
    }
  }

  /**
   * Keys rows {@code first ..} of {@code x} into {@code keyed}, each row as two copies side by side: columns
   * {@code 0 .. features - 1} with a missing value above every key, then the same with a missing value below.
   */
  private void keyRows(float[] x, int first, int rows, int[] keyed) {
    for (int r = 0, in = first * features, out = 0; r < rows; r++, in += features, out += 2 * features) {
      for (int f = 0; f < features; f++) {
        float v = x[in + f];
        boolean missing = v != v;
        int k = SortableFloats.key(v);
        keyed[out + f] = missing ? MISSING_RIGHT : k;
        keyed[out + features + f] = missing ? MISSING_LEFT : k;
      }
    }
  }

  /** Keyed rows {@code 0 .. blockRows - 1} (a lane each) through one tree at a time; row 0 is row {@code first}. */
  private void addRowLanes(int[] keyed, int first, int blockRows, int[] node, float[] margins) {
    for (int t = 0; t < roots.length; t++) {
      Arrays.fill(node, 0, blockRows, roots[t]);
      descend(keyed, 0, 2 * features, node, blockRows, depths[t]);
      int m = first * outputGroups + groups[t];
      for (int lane = 0; lane < blockRows; lane++, m += outputGroups) {
        margins[m] += weighted(t, leafValues[node[lane]]);
      }
    }
  }

  /** Keyed row {@code keyedRow} (row {@code row} of the request) through up to {@value #LANES} trees at a time. */
  private void addTreeLanes(int[] keyed, int keyedRow, int row, int[] node, float[] margins) {
    int start = keyedRow * 2 * features;
    int m = row * outputGroups;
    for (int t = 0; t < roots.length; t += LANES) {
      int passTrees = Math.min(LANES, roots.length - t);
      System.arraycopy(roots, t, node, 0, passTrees);
      descend(keyed, start, 0, node, passTrees, passDepths[t / LANES]);
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

  /**
   * Moves {@code lanes} walks {@code depth} levels down; lane i reads the keyed row at {@code start + i * rowStep}
   * (a row per lane, or one row for all when the step is 0). Walks that reach a leaf stay on it.
   */
  private void descend(int[] keyed, int start, int rowStep, int[] node, int lanes, int depth) {
    if (categories != null) {
      descendWithCategories(keyed, start, rowStep, node, lanes, depth);
      return;
    }
    long[] steps = this.steps;
    int[] thresholdKeys = this.thresholdKeys;
    for (int level = 0; level < depth; level++) {
      for (int lane = 0, row = start; lane < lanes; lane++, row += rowStep) {
        int n = node[lane];
        long step = steps[n];
        node[lane] = (int) (step >> 32) + (keyed[row + (int) step] < thresholdKeys[n] ? 0 : 1);
      }
    }
  }

  /** {@link #descend} for a model with categorical splits: each step tests the node's kind. */
  private void descendWithCategories(int[] keyed, int start, int rowStep, int[] node, int lanes, int depth) {
    for (int level = 0; level < depth; level++) {
      for (int lane = 0, row = start; lane < lanes; lane++, row += rowStep) {
        int n = node[lane];
        long step = steps[n];
        int key = keyed[row + (int) step];
        long[] set = categories[n];
        boolean right = set == null ? key >= thresholdKeys[n] : inCategories(set, key);
        node[lane] = (int) (step >> 32) + (right ? 1 : 0);
      }
    }
  }

  /**
   * Whether a keyed value goes right at a categorical split: a missing value's key says its default way; any other
   * value goes right iff it is a category in {@code set}.
   */
  private static boolean inCategories(long[] set, int key) {
    if (key == MISSING_RIGHT || key == MISSING_LEFT) {
      return key == MISSING_RIGHT;
    }
    float value = SortableFloats.value(key);
    if (!(value >= 0 && value < MAX_CATEGORY)) {
      return false;
    }
    int category = (int) value;
    return category >>> 6 < set.length && (set[category >>> 6] & 1L << category) != 0;
  }
}
