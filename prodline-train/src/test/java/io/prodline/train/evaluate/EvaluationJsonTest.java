package io.prodline.train.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationJsonTest {
  private static final Frame FEATURES = Frame.of(List.of("country"), List.of(StringColumn.of("DE", "FR", "FR", "DE")));

  private static Evaluation evaluation() {
    // FR rows are both positive, so their roc_auc is undefined.
    return Evaluator.evaluate(Fixtures.binary(new float[] {0.2f, 0.9f, 0.6f, 0.7f}, 0, 1, 1, 1), FEATURES,
        List.of(SliceSpec.values("country")));
  }

  @Test
  void writesDocumentedFieldNamesAndNullForUndefined() throws Exception {
    JsonNode root = new ObjectMapper().readTree(EvaluationJson.write(evaluation()));
    assertThat(root.get("task").asText()).isEqualTo("binary_classification");
    assertThat(root.get("classes").toString()).isEqualTo("[\"no\",\"yes\"]");
    JsonNode overall = root.get("overall");
    assertThat(overall.get("slice").asText()).isEqualTo("overall");
    assertThat(overall.get("count").asLong()).isEqualTo(4);
    assertThat(overall.get("metrics").get("roc_auc").asDouble()).isEqualTo(1.0);
    assertThat(overall.get("confusion_matrix").toString()).isEqualTo("[[1,0],[0,3]]");
    assertThat(overall.get("calibration")).hasSize(10);
    assertThat(overall.get("calibration").get(2).fieldNames()).toIterable()
        .containsExactly("lower", "upper", "count", "mean_predicted", "observed_frequency");
    assertThat(overall.get("threshold_sweep").get(0).fieldNames()).toIterable().containsExactly("threshold",
        "true_positives", "false_positives", "false_negatives", "precision", "recall", "f1");
    JsonNode fr = root.get("slices").get(1);
    assertThat(fr.get("slice").asText()).isEqualTo("country=FR");
    assertThat(fr.get("features").get("country").asText()).isEqualTo("FR");
    assertThat(fr.get("metrics").has("roc_auc")).isTrue();
    assertThat(fr.get("metrics").get("roc_auc").isNull()).isTrue();
    assertThat(fr.get("undefined").get("roc_auc").asText()).contains("only class 1");
  }

  @Test
  void evaluationRoundTrips() {
    Evaluation original = evaluation();
    String json = EvaluationJson.write(original);
    Evaluation read = EvaluationJson.readEvaluation(json);
    assertThat(EvaluationJson.write(read)).isEqualTo(json);
    assertThat(read.slice("country=FR").orElseThrow().value(Metric.ROC_AUC)).isNull();
    assertThat(read.overall().value(Metric.LOG_LOSS)).isEqualTo(original.overall().value(Metric.LOG_LOSS));
  }

  @Test
  void blessingRoundTrips() throws Exception {
    Evaluation e = evaluation();
    Blessing blessing = ModelValidator.validate(e, e, List.of(
        MetricThreshold.on(Metric.ROC_AUC).atLeast(0.9).noWorseThanBaseline(ChangeKind.RELATIVE, 0.01)),
        new FairnessCheck(Metric.ACCURACY, ChangeKind.ABSOLUTE, 0.05, 1));
    String json = EvaluationJson.write(blessing);
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.fieldNames()).toIterable().containsExactly("blessed", "reasons", "fairness_flags");
    assertThat(root.get("reasons").get(0).fieldNames()).toIterable()
        .containsExactly("passed", "metric", "slice", "check", "sentence");
    assertThat(EvaluationJson.readBlessing(json)).isEqualTo(blessing);
  }
}
