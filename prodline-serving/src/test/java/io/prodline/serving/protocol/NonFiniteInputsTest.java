package io.prodline.serving.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.BareModels;
import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FillStep;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.Log1pStep;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.core.transform.VocabularyEncoder;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which non-finite inputs a model takes, rule by rule. */
class NonFiniteInputsTest {
  private static final List<Field> INPUTS = List.of(new Field("x", ColumnType.FLOAT64),
      new Field("city", ColumnType.STRING));

  @TempDir
  Path dir;

  private static Bundle bundle(String runtime, NumericEncoder x) {
    BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, "m", 1, runtime, "model.bin",
        "transform.json", Task.REGRESSION, "label", null, INPUTS, null, null, null, null, null);
    List<FeatureEncoder> encoders = List.of(x, new VocabularyEncoder("city", List.of("a")));
    return new Bundle(Path.of("m"), manifest, FittedTransform.of(encoders));
  }

  private Bundle bareXGBoost() {
    return BareModels.read(TestRepository.xgboostStumps(dir, "stumps"));
  }

  @Test
  void aBareXGBoostModelTakesNaNAsItsMissingValueButNotInfinities() throws Exception {
    assertThat(NonFiniteInputs.of(Optional.empty(), false, bareXGBoost().definesMissingValues())).isEqualTo(NonFiniteInputs.NAN_ONLY);
  }

  @Test
  void aBundleTakesNaNOnlyWhenEveryFloatInputHasAMeaningForIt() {
    NumericEncoder filled = new NumericEncoder("x", "x", List.of(new Log1pStep(), new FillStep(0)));
    NumericEncoder passed = new NumericEncoder("x", "x", List.of(new Log1pStep()));
    assertThat(NonFiniteInputs.of(Optional.empty(), false, bundle("onnx", filled).definesMissingValues()))
        .isEqualTo(NonFiniteInputs.NAN_ONLY);
    assertThat(NonFiniteInputs.of(Optional.empty(), false, bundle("xgboost", passed).definesMissingValues()))
        .isEqualTo(NonFiniteInputs.NAN_ONLY);
    assertThat(NonFiniteInputs.of(Optional.empty(), false, bundle("onnx", passed).definesMissingValues()))
        .isEqualTo(NonFiniteInputs.REFUSED);
  }

  @Test
  void theModelsSettingWinsOverTheServersAndTheKindOfModel() throws Exception {
    Bundle xgboost = bareXGBoost();
    NumericEncoder passed = new NumericEncoder("x");
    assertThat(NonFiniteInputs.of(Optional.of(false), true, xgboost.definesMissingValues()))
        .isEqualTo(NonFiniteInputs.REFUSED);
    assertThat(NonFiniteInputs.of(Optional.of(true), false, bundle("onnx", passed).definesMissingValues()))
        .isEqualTo(NonFiniteInputs.ALLOWED);
    assertThat(NonFiniteInputs.of(Optional.empty(), true, bundle("onnx", passed).definesMissingValues()))
        .isEqualTo(NonFiniteInputs.ALLOWED);
    assertThat(NonFiniteInputs.of(Optional.empty(), true, xgboost.definesMissingValues()))
        .isEqualTo(NonFiniteInputs.ALLOWED);
  }

  @Test
  void aPolicyAcceptsWhatItSays() {
    assertThat(NonFiniteInputs.NAN_ONLY.accepts(Double.NaN)).isTrue();
    assertThat(NonFiniteInputs.NAN_ONLY.accepts(Double.NEGATIVE_INFINITY)).isFalse();
    assertThat(NonFiniteInputs.REFUSED.accepts(1.5)).isTrue();
    assertThat(NonFiniteInputs.REFUSED.accepts(Double.NaN)).isFalse();
    assertThat(NonFiniteInputs.ALLOWED.accepts(Double.POSITIVE_INFINITY)).isTrue();
  }
}
