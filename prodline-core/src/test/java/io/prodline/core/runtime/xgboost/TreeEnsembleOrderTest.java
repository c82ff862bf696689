package io.prodline.core.runtime.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evaluator walks many (row, tree) pairs at once, over a re-laid-out copy of the trees; this checks that it
 * returns exactly the bits of the plain way, written out here: each row alone, each tree from its root as saved,
 * leaf values added in tree order in float. Models are random (seeded): uneven trees up to depth 9 with random
 * default directions (left and right), single-leaf trees, a few NaN and infinite thresholds, node numbers in
 * depth-first order (not the evaluator's breadth-first one). Inputs are often exactly on a threshold, sometimes
 * infinite or -0, and none, 1% or a quarter missing (the evaluator reads each row through integer keys, two copies
 * of it, one per default direction).
 * Requests of many sizes cover both ways of grouping walks into lanes and partial blocks and passes.
 */
class TreeEnsembleOrderTest {
  private static final int FEATURES = 7;
  private static final int LANES = TreeEnsemble.LANES;
  private static final int MIN = TreeEnsemble.MIN_ROW_LANES;
  /** Each side of each switch between a lane per tree and a lane per row, and partial blocks after full ones. */
  private static final int[] REQUEST_ROWS = {1, 2, 5, MIN - 1, MIN, LANES - 1, LANES, LANES + 1, LANES + MIN - 1,
      LANES + MIN, 2 * LANES + 1, 700};

  @ParameterizedTest
  @ValueSource(strings = {"reg:squarederror", "binary:logistic", "multi:softprob", "multi:softmax", "dart"})
  void blockEvaluationEqualsRowByRowBits(String kind) {
    Random random = new Random(kind.hashCode());
    boolean dart = kind.equals("dart");
    String objective = dart ? "binary:logistic" : kind;
    int groups = objective.startsWith("multi:") ? 3 : 1;
    float baseScore = objective.equals("reg:squarederror") ? 0.25f : 0.5f;
    List<Node> trees = new ArrayList<>();
    int[] treeGroups = new int[90]; // more than one pass of tree lanes
    float[] weights = dart ? new float[treeGroups.length] : null;
    for (int t = 0; t < treeGroups.length; t++) {
      trees.add(randomTree(random, 0));
      treeGroups[t] = t % groups;
      if (dart) {
        weights[t] = 0.5f + random.nextFloat();
      }
    }
    XGBoostRuntime runtime = XGBoostModelParser.parse(
        modelJson(objective, baseScore, groups, trees, treeGroups, weights).getBytes(StandardCharsets.UTF_8), kind);
    Reference reference = new Reference(Objective.forName(objective),
        Objective.forName(objective).baseScoreToMargin(baseScore), groups, trees, treeGroups, weights);

    for (int rows : REQUEST_ROWS) {
      for (double missing : new double[] {0, 0.01, 0.25}) {
        float[] x = randomRows(random, rows, missing);
        float[] expected = reference.predict(x, rows, runtime.outputWidth());
        float[] actual = runtime.predict(x, rows);
        for (int i = 0; i < expected.length; i++) {
          assertThat(Float.floatToIntBits(actual[i])).as("%s, %d rows, %s missing, output %d: %s vs %s", kind, rows,
              missing, i, actual[i], expected[i]).isEqualTo(Float.floatToIntBits(expected[i]));
        }
      }
    }
  }

  /** The plain evaluation: row by row, tree by tree, each leaf added to its group's margin in float. */
  private record Reference(Objective objective, float baseMargin, int groups, List<Node> trees, int[] treeGroups,
      float[] dartWeights) {
    float[] predict(float[] x, int rows, int width) {
      float[] out = new float[rows * width];
      float[] margins = new float[groups];
      for (int r = 0; r < rows; r++) {
        Arrays.fill(margins, baseMargin);
        for (int t = 0; t < trees.size(); t++) {
          float leaf = trees.get(t).leafFor(x, r * FEATURES);
          margins[treeGroups[t]] += dartWeights == null ? leaf : leaf * dartWeights[t];
        }
        objective.transform(margins, 0, groups, out, r * width);
      }
      return out;
    }
  }

  /** A saved tree node: a leaf when {@code left} is null. */
  private record Node(int feature, float threshold, boolean defaultLeft, float value, Node left, Node right) {
    /** XGBoost's walk, one node at a time. */
    float leafFor(float[] x, int row) {
      Node n = this;
      while (n.left != null) {
        float v = x[row + n.feature];
        n = Float.isNaN(v) ? (n.defaultLeft ? n.left : n.right) : (v < n.threshold ? n.left : n.right);
      }
      return n.value;
    }
  }

  /** Uneven shapes: the deeper a node, the likelier a leaf; depth 9 at most; some trees are a single leaf. */
  private static Node randomTree(Random random, int depth) {
    if (depth == 9 || random.nextInt(10) < (depth == 0 ? 1 : 1 + depth)) {
      return new Node(0, 0f, false, (random.nextFloat() - 0.5f) * 0.3f, null, null);
    }
    return new Node(random.nextInt(FEATURES), threshold(random), random.nextBoolean(), 0f,
        randomTree(random, depth + 1), randomTree(random, depth + 1));
  }

  /**
   * Mostly a grid value; 1 in 50 NaN (every value goes right, as v < NaN is false), infinite or -0 (which equals 0:
   * 0 goes right of it).
   */
  private static float threshold(Random random) {
    int special = random.nextInt(50);
    return special == 0 ? Float.NaN
        : special == 1 ? Float.NEGATIVE_INFINITY
        : special == 2 ? Float.POSITIVE_INFINITY
        : special == 3 ? -0.0f
        : gridValue(random);
  }

  /** Values on a 1/8 grid in [-2, 2], so inputs often equal a threshold exactly (which goes right). */
  private static float gridValue(Random random) {
    return (random.nextInt(33) - 16) / 8f;
  }

  private static float[] randomRows(Random random, int rows, double missing) {
    float[] x = new float[rows * FEATURES];
    for (int i = 0; i < x.length; i++) {
      int kind = random.nextInt(100);
      x[i] = random.nextDouble() < missing ? Float.NaN
          : kind < 2 ? (kind == 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY)
          : kind < 4 ? -0.0f // equal to 0, and to a threshold of 0 or -0
          : kind < 50 ? gridValue(random)
          : (random.nextFloat() - 0.5f) * 5f;
    }
    return x;
  }

  /** The tree as XGBoost saves it, nodes numbered depth-first (root 0). */
  private static String treeJson(Node root, int id) {
    List<Node> nodes = new ArrayList<>();
    number(root, nodes);
    StringJoiner left = new StringJoiner(",", "[", "]");
    StringJoiner right = new StringJoiner(",", "[", "]");
    StringJoiner feature = new StringJoiner(",", "[", "]");
    StringJoiner split = new StringJoiner(",", "[", "]");
    StringJoiner defaultLeft = new StringJoiner(",", "[", "]");
    for (Node n : nodes) {
      boolean leaf = n.left == null;
      left.add(String.valueOf(leaf ? -1 : indexOf(nodes, n.left)));
      right.add(String.valueOf(leaf ? -1 : indexOf(nodes, n.right)));
      feature.add(String.valueOf(n.feature));
      split.add(Float.toString(leaf ? n.value : n.threshold));
      defaultLeft.add(n.defaultLeft ? "1" : "0");
    }
    return """
        {"id":%d,"left_children":%s,"right_children":%s,"split_indices":%s,"split_conditions":%s,
         "default_left":%s,"tree_param":{"num_nodes":"%d","num_feature":"%d","size_leaf_vector":"1"}}"""
        .formatted(id, left, right, feature, split, defaultLeft, nodes.size(), FEATURES);
  }

  private static void number(Node n, List<Node> nodes) {
    nodes.add(n);
    if (n.left != null) {
      number(n.left, nodes);
      number(n.right, nodes);
    }
  }

  private static int indexOf(List<Node> nodes, Node n) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == n) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  private static String modelJson(String objective, float baseScore, int groups, List<Node> trees, int[] treeGroups,
      float[] dartWeights) {
    StringJoiner treeList = new StringJoiner(",");
    StringJoiner info = new StringJoiner(",", "[", "]");
    for (int t = 0; t < trees.size(); t++) {
      treeList.add(treeJson(trees.get(t), t));
      info.add(String.valueOf(treeGroups[t]));
    }
    String gbtree = """
        {"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"%d"},"tree_info":%s,"trees":[%s]},
         "name":"gbtree"}""".formatted(trees.size(), info, treeList);
    String booster = gbtree;
    if (dartWeights != null) {
      StringJoiner w = new StringJoiner(",", "[", "]");
      for (float f : dartWeights) {
        w.add(Float.toString(f));
      }
      booster = """
          {"gbtree":%s,"name":"dart","weight_drop":%s}""".formatted(gbtree, w);
    }
    return """
        {"learner":{"feature_names":[],"gradient_booster":%s,
          "learner_model_param":{"base_score":"%s","num_class":"%d","num_feature":"%d","num_target":"1"},
          "objective":{"name":"%s"}},"version":[3,0,4]}"""
        .formatted(booster, Float.toString(baseScore), groups > 1 ? groups : 0, FEATURES, objective);
  }
}
