package io.prodline.core.runtime.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.ModelRuntimeProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written two-stump models whose outputs are worked out by hand: tree 0 splits feature 0 at 0.5 (missing goes
 * left, leaves -0.5 / 0.5), tree 1 splits feature 1 at 2.0 (missing goes right, leaves 0.125 / -0.25).
 */
class XGBoostModelParserTest {
  private static final float NAN = Float.NaN;
  /** Rows: both left; both exactly on the threshold (so right); both missing (left, right). */
  private static final float[] ROWS = {0.0f, 1.0f, 0.5f, 2.0f, NAN, NAN};

  static String stump(int feature, String threshold, int defaultLeft, String leftLeaf, String rightLeaf) {
    return """
        {"base_weights":[0,-1,1],"categories":[],"categories_nodes":[],"categories_segments":[],
         "categories_sizes":[],"default_left":[%d,0,0],"id":0,"left_children":[1,-1,-1],
         "loss_changes":[1,0,0],"parents":[2147483647,0,0],"right_children":[2,-1,-1],
         "split_conditions":[%s,%s,%s],"split_indices":[%d,0,0],"split_type":[0,0,0],
         "sum_hessian":[2,1,1],"tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"3",
         "size_leaf_vector":"1"}}""".formatted(defaultLeft, threshold, leftLeaf, rightLeaf, feature);
  }

  static String model(String objective, String baseScore, int numClass, String trees, String treeInfo) {
    return """
        {"learner":{"attributes":{},"feature_names":[],"feature_types":[],
          "gradient_booster":{"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"2"},
            "iteration_indptr":[0,1,2],"tree_info":%s,"trees":[%s]},"name":"gbtree"},
          "learner_model_param":{"base_score":"%s","boost_from_average":"1","num_class":"%d",
            "num_feature":"2","num_target":"1"},
          "objective":{"name":"%s","reg_loss_param":{"scale_pos_weight":"1"}}},
         "version":[3,0,4]}""".formatted(treeInfo, trees, baseScore, numClass, objective);
  }

  static String twoStumps() {
    return stump(0, "5E-1", 1, "-5E-1", "5E-1") + "," + stump(1, "2E0", 0, "1.25E-1", "-2.5E-1");
  }

  /**
   * A stump on feature 0 split by category, as XGBoost 1.6+ saves one: the categories listed go right (leaf 0.5),
   * every other value left (-0.5), a missing value right (default_left 0).
   */
  static String categoricalStump(String categories) {
    int count = categories.split(",").length;
    return stump(0, "NaN", 0, "-5E-1", "5E-1")
        .replace("\"categories\":[]", "\"categories\":" + categories)
        .replace("\"categories_nodes\":[]", "\"categories_nodes\":[0]")
        .replace("\"categories_segments\":[]", "\"categories_segments\":[0]")
        .replace("\"categories_sizes\":[]", "\"categories_sizes\":[" + count + "]")
        .replace("\"split_type\":[0,0,0]", "\"split_type\":[1,0,0]");
  }

  static XGBoostRuntime parse(String json) {
    return XGBoostModelParser.parse(json.getBytes(StandardCharsets.UTF_8), "model.json");
  }

  @Test
  void categoricalSplitsSendTheirCategoriesRightAndEverythingElseLeft() {
    XGBoostRuntime rt = parse(model("reg:squarederror", "1E0", 0, categoricalStump("[1,3,64]") + ","
        + stump(1, "2E0", 0, "1.25E-1", "-2.5E-1"), "[0,0]"));
    // Feature 1 is 0 throughout, so the second stump adds 0.125: 1 + 0.5 + 0.125 right, 1 - 0.5 + 0.125 left.
    float[] categories = {1, 2, 3.9f, 64, 65, -1, NAN, 1 << 24, 1000, 0};
    float[] expected = {1.625f, 0.625f, 1.625f, 1.625f, 0.625f, 0.625f, 1.625f, 0.625f, 0.625f, 0.625f};
    // 40 rows as well as 10: a block of 32 or more rows walks a lane per row, a shorter one a lane per tree.
    for (int rows : new int[] {10, 40}) {
      float[] x = new float[2 * rows];
      float[] want = new float[rows];
      for (int r = 0; r < rows; r++) {
        x[2 * r] = categories[r % categories.length];
        want[r] = expected[r % categories.length];
      }
      assertThat(rt.predict(x, rows)).as("%d rows", rows).containsExactly(want);
    }
  }

  @Test
  void regressionFollowsThresholdsAndDefaultDirections() {
    XGBoostRuntime rt = parse(model("reg:squarederror", "[1E0]", 0, twoStumps(), "[0,0]"));
    assertThat(rt.inputWidth()).isEqualTo(2);
    assertThat(rt.outputWidth()).isEqualTo(1);
    // 1 - 0.5 + 0.125; 1 + 0.5 - 0.25 (value == threshold goes right); 1 - 0.5 (missing left) - 0.25 (missing right)
    assertThat(rt.predict(ROWS, 3)).containsExactly(0.625f, 1.25f, 0.25f);
  }

  @Test
  void binaryLogisticStartsFromLogitOfBaseScoreAndAppliesSigmoid() {
    XGBoostRuntime rt = parse(model("binary:logistic", "5E-1", 0, twoStumps(), "[0,0]"));
    float[] p = rt.predict(ROWS, 3);
    double[] margins = {-0.375, 0.25, -0.75}; // logit(0.5) = 0
    for (int i = 0; i < 3; i++) {
      assertThat((double) p[i]).isCloseTo(1 / (1 + Math.exp(-margins[i])), org.assertj.core.data.Offset.offset(1e-7));
    }
    XGBoostRuntime raw = parse(model("binary:logitraw", "0E0", 0, twoStumps(), "[0,0]"));
    assertThat(raw.predict(ROWS, 3)).containsExactly(-0.375f, 0.25f, -0.75f);
  }

  @Test
  void multiclassSumsEachTreeIntoItsGroup() {
    String trees = twoStumps() + "," + stump(0, "2.5E-1", 0, "1E0", "0E0");
    XGBoostRuntime prob = parse(model("multi:softprob", "5E-1", 3, trees, "[0,1,2]"));
    assertThat(prob.outputWidth()).isEqualTo(3);
    float[] p = prob.predict(ROWS, 3);
    // row 0 margins: 0.5-0.5, 0.5+0.125, 0.5+1 = (0, 0.625, 1.5)
    double[] m = {0, 0.625, 1.5};
    double z = Math.exp(m[0]) + Math.exp(m[1]) + Math.exp(m[2]);
    for (int k = 0; k < 3; k++) {
      assertThat((double) p[k]).isCloseTo(Math.exp(m[k]) / z, org.assertj.core.data.Offset.offset(1e-7));
    }
    XGBoostRuntime max = parse(model("multi:softmax", "5E-1", 3, trees, "[0,1,2]"));
    assertThat(max.outputWidth()).isEqualTo(1);
    // row 1 margins (1, 0.25, 0.5): class 0; row 2 (NaN, NaN): (0, 0.25, 0.5): class 2
    assertThat(max.predict(ROWS, 3)).containsExactly(2f, 0f, 2f);
  }

  @Test
  void gblinearAddsBiasAndWeightsSkippingMissing() {
    String json = """
        {"learner":{"gradient_booster":{"model":{"boosted_rounds":1,"weights":[2E0,-1E0,5E-1]},"name":"gblinear"},
          "learner_model_param":{"base_score":"0E0","num_class":"0","num_feature":"2","num_target":"1"},
          "objective":{"name":"reg:squarederror"}},"version":[3,0,4]}""";
    XGBoostRuntime rt = parse(json);
    assertThat(rt.predict(new float[] {1f, NAN, 1f, 3f, NAN, NAN}, 3)).containsExactly(2.5f, -0.5f, 0.5f);
  }

  @Test
  void readsUbjsonAndBooleanDefaultLeft() {
    String json = model("reg:squarederror", "1E0", 0, twoStumps().replace("\"default_left\":[1,0,0]",
        "\"default_left\":[true,false,false]"), "[0,0]");
    assertThat(parse(json).predict(ROWS, 3)).containsExactly(0.625f, 1.25f, 0.25f);
    assertThat(XGBoostModelParser.parse(UbjsonTestWriter.fromJson(json), "model.ubj").predict(ROWS, 3))
        .containsExactly(0.625f, 1.25f, 0.25f);
  }

  @Test
  void malformedFilesNameTheFileAndTheProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"learner\": [1, 2");
    assertThatThrownBy(() -> XGBoostModelParser.parse(file)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(file + ": is not valid JSON");
    Files.writeString(file, "hello");
    assertThatThrownBy(() -> XGBoostModelParser.parse(file)).hasMessageContaining("broken.json")
        .hasMessageContaining("not an XGBoost JSON or UBJSON model");
    assertThatThrownBy(() -> parse("{\"name\": \"x\"}")).hasMessage("model.json: is not an XGBoost model: it has no "
        + "'learner' object");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, twoStumps(), "[0,0]")
        .replace("\"num_feature\":\"2\",", ""))).isInstanceOf(ProdlineException.class)
        .hasMessage("model.json: missing field 'learner.learner_model_param.num_feature'");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, twoStumps()
        .replaceFirst("\"right_children\":\\[2,-1,-1]", "\"right_children\":[2,-1]"), "[0,0]")))
        .hasMessage("model.json: learner.gradient_booster.model.trees[0].right_children has 2 entries but "
            + "learner.gradient_booster.model.trees[0].left_children has 3");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, twoStumps(), "[0]")))
        .hasMessageContaining("tree_info has 1 entries but there are 2 trees");
    assertThatThrownBy(() -> parse(model("survival:cox", "1E0", 0, twoStumps(), "[0,0]")))
        .hasMessageStartingWith("model.json: objective 'survival:cox' is not supported");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, twoStumps(), "[0,0]")
        .replace("\"name\":\"gbtree\"", "\"name\":\"gbforest\"")))
        .hasMessageStartingWith("model.json: booster 'gbforest' is not supported");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, twoStumps()
        .replaceFirst("\"split_type\":\\[0,0,0]", "\"split_type\":[1,0,0]"), "[0,0]")))
        .hasMessageContaining("trees[0]: node 0 is a categorical split (split_type 1) but categories_nodes does not"
            + " list it, so its categories are unknown");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, categoricalStump("[1,3,-2]") + ","
        + stump(1, "2E0", 0, "1.25E-1", "-2.5E-1"), "[0,0]")))
        .hasMessageContaining("trees[0].categories[2] = -2 is not a category (XGBoost's are 0 to 2^24 - 1)");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, categoricalStump("[1,3,64]")
        .replace("\"categories_sizes\":[3]", "\"categories_sizes\":[4]") + ","
        + stump(1, "2E0", 0, "1.25E-1", "-2.5E-1"), "[0,0]")))
        .hasMessageContaining("categories_segments[0] = 0 and categories_sizes[0] = 4 run outside categories, "
            + "which has 3 entries");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, twoStumps()
        .replaceFirst("\"split_indices\":\\[0,0,0]", "\"split_indices\":[7,0,0]"), "[0,0]")))
        .hasMessageContaining("split_indices[0] = 7 is not a feature index (num_feature is 2)");
    assertThatThrownBy(() -> parse(model("reg:squarederror", "1E0", 0, twoStumps()
        .replaceFirst("\"right_children\":\\[2,-1,-1]", "\"right_children\":[1,-1,-1]"), "[0,0]")))
        .hasMessageContaining("node 1 is reached twice");
    assertThatThrownBy(() -> parse(model("binary:logistic", "1E0", 0, twoStumps(), "[0,0]")))
        .hasMessageContaining("base_score 1.0 must be in (0, 1)");
  }

  @Test
  void wrongInputSizeIsRefused() {
    XGBoostRuntime rt = parse(model("reg:squarederror", "1E0", 0, twoStumps(), "[0,0]"));
    assertThatThrownBy(() -> rt.predict(new float[3], 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2 rows of 2 features");
  }

  @Test
  void providerIsRegisteredAsXgboost() {
    assertThat(ServiceLoader.load(ModelRuntimeProvider.class).stream().map(p -> p.get().name()))
        .contains("xgboost");
  }
}
