package io.prodline.train.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {
  /** An evaluation with the given overall metrics and one slice {@code country=DE} with its own. */
  private static Evaluation evaluation(Task task, Map<String, Double> overall, Map<String, Double> de, long deCount) {
    Map<String, String> undefined = new HashMap<>();
    de.forEach((k, v) -> {
      if (v == null) {
        undefined.put(k, "only class 1 ('yes') is present, so there is no ranking to judge");
      }
    });
    return new Evaluation(task, task.isClassification() ? List.of("no", "yes") : List.of(),
        new SliceMetrics("overall", Map.of(), 1000, overall, Map.of(), null, null, null),
        List.of(new SliceMetrics("country=DE", Map.of("country", "DE"), deCount, de, undefined, null, null, null)));
  }

  private static Evaluation binary(double auc, double logLoss, Map<String, Double> de) {
    return evaluation(Task.BINARY_CLASSIFICATION, Map.of("roc_auc", auc, "log_loss", logLoss, "accuracy", 0.9), de,
        100);
  }

  private static final Evaluation CANDIDATE = binary(0.88, 0.30, Map.of("roc_auc", 0.70, "accuracy", 0.80));
  private static final Evaluation BASELINE = binary(0.90, 0.25, Map.of("roc_auc", 0.75, "accuracy", 0.85));

  @Test
  void absoluteBoundsInBothDirections() {
    Blessing b = ModelValidator.validate(CANDIDATE, null, List.of(
        MetricThreshold.on(Metric.ROC_AUC).atLeast(0.85),
        MetricThreshold.on(Metric.ROC_AUC).atLeast(0.9),
        MetricThreshold.on(Metric.LOG_LOSS).atMost(0.35),
        MetricThreshold.on(Metric.LOG_LOSS).atMost(0.2)), null);
    assertThat(b.blessed()).isFalse();
    assertThat(b.reasons()).extracting(Reason::passed).containsExactly(true, false, true, false);
    assertThat(b.reasons()).extracting(Reason::sentence).containsExactly(
        "The roc_auc on overall is 0.88, at least the required minimum of 0.85.",
        "The roc_auc on overall is 0.88, below the required minimum of 0.9.",
        "The log_loss on overall is 0.3, within the allowed maximum of 0.35.",
        "The log_loss on overall is 0.3, above the allowed maximum of 0.2.");
    assertThat(b.failures()).hasSize(2);
    assertThat(b.reasons().get(1).check()).isEqualTo("lower_bound");
    assertThat(b.reasons().get(3).check()).isEqualTo("upper_bound");
  }

  @Test
  void absoluteChangeAgainstBaselineHigherIsBetter() {
    // AUC fell by 0.02: allowed when 0.05 may be lost, not when 0.01 may.
    Blessing b = ModelValidator.validate(CANDIDATE, BASELINE, List.of(
        MetricThreshold.on(Metric.ROC_AUC).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0.05),
        MetricThreshold.on(Metric.ROC_AUC).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0.01)), null);
    assertThat(b.reasons()).extracting(Reason::passed).containsExactly(true, false);
    assertThat(b.reasons().get(0).sentence()).isEqualTo(
        "The roc_auc on overall is 0.88 against the baseline's 0.9 (-0.02), worse by no more than the allowed 0.05.");
    assertThat(b.reasons().get(1).sentence()).isEqualTo(
        "The roc_auc on overall is 0.88 against the baseline's 0.9 (-0.02), worse by more than the allowed 0.01.");
    assertThat(b.blessed()).isFalse();
  }

  @Test
  void relativeChangeAgainstBaselineLowerIsBetter() {
    // log loss rose from 0.25 to 0.30: 20 % worse.
    Blessing b = ModelValidator.validate(CANDIDATE, BASELINE, List.of(
        MetricThreshold.on(Metric.LOG_LOSS).noWorseThanBaseline(ChangeKind.RELATIVE, 0.25),
        MetricThreshold.on(Metric.LOG_LOSS).noWorseThanBaseline(ChangeKind.RELATIVE, 0.10)), null);
    assertThat(b.reasons()).extracting(Reason::passed).containsExactly(true, false);
    assertThat(b.reasons().get(1).sentence()).isEqualTo(
        "The log_loss on overall is 0.3 against the baseline's 0.25 (+20%), worse by more than the allowed 10%.");
  }

  @Test
  void improvementsPassAndANegativeToleranceDemandsOne() {
    // The baseline judged against the candidate: AUC improved by 0.02, log loss fell.
    Blessing b = ModelValidator.validate(BASELINE, CANDIDATE, List.of(
        MetricThreshold.on(Metric.ROC_AUC).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0),
        MetricThreshold.on(Metric.LOG_LOSS).noWorseThanBaseline(ChangeKind.RELATIVE, 0),
        MetricThreshold.on(Metric.ROC_AUC).noWorseThanBaseline(ChangeKind.ABSOLUTE, -0.05)), null);
    assertThat(b.reasons()).extracting(Reason::passed).containsExactly(true, true, false);
    assertThat(b.reasons().get(0).sentence()).endsWith("(+0.02), no worse.");
    assertThat(b.reasons().get(2).sentence()).endsWith("(+0.02), but the required improvement is 0.05.");
  }

  @Test
  void anExplicitDirectionOverridesTheMetricsOwn() {
    // Treating AUC as lower-is-better turns its 0.02 drop into an improvement.
    Blessing b = ModelValidator.validate(CANDIDATE, BASELINE, List.of(MetricThreshold.on(Metric.ROC_AUC)
        .withDirection(Direction.LOWER_IS_BETTER).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0)), null);
    assertThat(b.blessed()).isTrue();
  }

  @Test
  void withoutBaselineTheChangeIsNotCheckedAndPasses() {
    Blessing b = ModelValidator.validate(CANDIDATE, null, List.of(
        MetricThreshold.on(Metric.ROC_AUC).atLeast(0.8).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0)), null);
    assertThat(b.blessed()).isTrue();
    assertThat(b.reasons()).extracting(Reason::sentence).containsExactly(
        "The roc_auc on overall is 0.88, at least the required minimum of 0.8.",
        "There is no baseline model, so the change in roc_auc on overall was not checked.");
  }

  @Test
  void sliceThresholdsUseTheSliceValue() {
    Blessing b = ModelValidator.validate(CANDIDATE, BASELINE, List.of(
        MetricThreshold.on(Metric.ROC_AUC).inSlice("country=DE").atLeast(0.65)
            .noWorseThanBaseline(ChangeKind.ABSOLUTE, 0.02)), null);
    assertThat(b.reasons()).extracting(Reason::slice).containsOnly("country=DE");
    assertThat(b.reasons()).extracting(Reason::passed).containsExactly(true, false);
    assertThat(b.reasons().get(1).sentence()).isEqualTo("The roc_auc on country=DE is 0.7 against the baseline's "
        + "0.75 (-0.05), worse by more than the allowed 0.02.");
  }

  @Test
  void aValueTheCandidateLacksFailsEveryConditionWithTheReason() {
    Map<String, Double> de = new HashMap<>();
    de.put("accuracy", 0.8);
    de.put("roc_auc", null);
    Evaluation oneClass = binary(0.88, 0.3, de);
    Blessing b = ModelValidator.validate(oneClass, BASELINE, List.of(
        MetricThreshold.on(Metric.ROC_AUC).inSlice("country=DE").atLeast(0.5)
            .noWorseThanBaseline(ChangeKind.ABSOLUTE, 0.1),
        MetricThreshold.on(Metric.ROC_AUC).inSlice("country=FR").atLeast(0.5)), null);
    assertThat(b.blessed()).isFalse();
    assertThat(b.reasons()).extracting(Reason::passed).containsExactly(false, false, false);
    assertThat(b.reasons().get(0).sentence()).isEqualTo("The roc_auc on country=DE cannot be checked (lower bound): "
        + "only class 1 ('yes') is present, so there is no ranking to judge.");
    assertThat(b.reasons().get(2).sentence()).isEqualTo("The roc_auc on country=FR cannot be checked (lower bound): "
        + "the candidate's evaluation has no such slice.");
  }

  @Test
  void aBaselineWithoutTheValueSkipsTheComparison() {
    Blessing b = ModelValidator.validate(CANDIDATE, BASELINE, List.of(
        MetricThreshold.on(Metric.BRIER_SCORE).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0)), null);
    // The candidate lacks brier_score too, which fails; the sentence says why.
    assertThat(b.reasons().get(0).passed()).isFalse();
    assertThat(b.reasons().get(0).sentence()).contains("brier_score is not computed for this task");
    Blessing skip = ModelValidator.validate(CANDIDATE, binary(0.9, 0.25, Map.of()), List.of(
        MetricThreshold.on(Metric.ROC_AUC).inSlice("country=DE").noWorseThanBaseline(ChangeKind.ABSOLUTE, 0)), null);
    assertThat(skip.blessed()).isTrue();
    assertThat(skip.reasons().get(0).sentence()).startsWith("The baseline has no roc_auc on country=DE");
  }

  @Test
  void blessedWhenEveryReasonPasses() {
    Blessing b = ModelValidator.validate(CANDIDATE, BASELINE, List.of(
        MetricThreshold.on(Metric.ROC_AUC).atLeast(0.8).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0.05),
        MetricThreshold.on(Metric.ACCURACY).inSlice("country=DE").atLeast(0.75)), null);
    assertThat(b.blessed()).isTrue();
    assertThat(b.reasons()).hasSize(3).allMatch(Reason::passed);
    assertThat(ModelValidator.validate(CANDIDATE, null, List.of(), null).blessed()).isTrue();
  }

  @Test
  void fairnessFlagsASliceFarBelowOverall() {
    // accuracy: overall 0.9, country=DE 0.8 -> 0.1 below, more than the default margin 0.05
    FairnessCheck check = FairnessCheck.defaults(Task.BINARY_CLASSIFICATION);
    Blessing b = ModelValidator.validate(CANDIDATE, null, List.of(), check);
    assertThat(b.blessed()).as("flags do not block").isTrue();
    assertThat(b.fairnessFlags()).singleElement().satisfies(flag -> {
      assertThat(flag.slice()).isEqualTo("country=DE");
      assertThat(flag.metric()).isEqualTo("accuracy");
      assertThat(flag.sentence()).isEqualTo("The accuracy on country=DE (100 examples) is 0.8, worse than the "
          + "overall 0.9 by 0.1, more than the margin of 0.05.");
    });
    assertThat(new FairnessCheck(Metric.ACCURACY, ChangeKind.ABSOLUTE, 0.15, 30).flags(CANDIDATE)).isEmpty();
    assertThat(new FairnessCheck(Metric.ACCURACY, ChangeKind.ABSOLUTE, 0.05, 101).flags(CANDIDATE))
        .as("slice below the minimum count").isEmpty();
    assertThat(new FairnessCheck(Metric.ROC_AUC, ChangeKind.ABSOLUTE, 0.05, 30).flags(CANDIDATE)).hasSize(1);
  }

  @Test
  void fairnessForRegressionFlagsHigherRmseRelativeToOverall() {
    Evaluation e = evaluation(Task.REGRESSION, Map.of("rmse", 2.0), Map.of("rmse", 2.3), 50);
    assertThat(FairnessCheck.defaults(Task.REGRESSION).flags(e)).singleElement()
        .extracting(FairnessFlag::sentence).isEqualTo("The rmse on country=DE (50 examples) is 2.3, worse than "
            + "the overall 2 by 15%, more than the margin of 10%.");
    Evaluation close = evaluation(Task.REGRESSION, Map.of("rmse", 2.0), Map.of("rmse", 2.1), 50);
    assertThat(FairnessCheck.defaults(Task.REGRESSION).flags(close)).isEmpty();
  }

  @Test
  void candidateAndBaselineMustShareATask() {
    Evaluation regression = evaluation(Task.REGRESSION, Map.of("rmse", 2.0), Map.of(), 0);
    assertThatThrownBy(() -> ModelValidator.validate(CANDIDATE, regression, List.of(), null))
        .hasMessageContaining("cannot be compared");
  }
}
