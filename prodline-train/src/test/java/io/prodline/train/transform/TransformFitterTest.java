package io.prodline.train.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.transform.BucketizeStep;
import io.prodline.core.transform.CategoryEncoding;
import io.prodline.core.transform.FillStep;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.HashEncoder;
import io.prodline.core.transform.Log1pStep;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.core.transform.ScaleStep;
import io.prodline.core.transform.VocabularyEncoder;
import io.prodline.core.transform.ZScoreStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fitted parameters on small inputs, computed by hand. */
class TransformFitterTest {
  private static Frame frame(String name, Column column) {
    return Frame.of(List.of(name), List.of(column));
  }

  private static Float64Column numbers(Double... values) {
    Float64Column.Builder b = new Float64Column.Builder();
    for (Double v : values) {
      b.appendObject(v);
    }
    return b.build();
  }

  private static Object only(TransformSpec spec, Frame data) {
    return TransformFitter.fit(spec, data).features().get(0);
  }

  @Test
  void zscoreUsesTheMeanAndPopulationStd() {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population variance 32 / 8 = 4, std 2
    Frame data = frame("x", Float64Column.of(2, 4, 4, 4, 5, 5, 7, 9));
    assertThat(only(TransformSpec.of(FeatureSpec.of("x", StepSpec.zscore())), data))
        .isEqualTo(new NumericEncoder("x", "x", List.of(new ZScoreStep(5, 2))));
  }

  @Test
  void scaleUsesMinAndMaxOfTheValuesAfterEarlierSteps() {
    Frame data = frame("x", Float64Column.of(0, Math.E - 1, -0.5));
    NumericEncoder e = (NumericEncoder) only(
        TransformSpec.of(FeatureSpec.of("x", StepSpec.log1p(), StepSpec.scaleToZeroOne())), data);
    assertThat(e.steps()).containsExactly(new Log1pStep(), new ScaleStep(Math.log1p(-0.5), 1));
  }

  @Test
  void fillMeanThenZscoreEqualsFittingOnTheFilledColumn() {
    // present 1, 2, 6: mean 3; filled column 1, 2, 6, 3, 3: mean 3, variance (4+1+9+0+0)/5 = 2.8
    Frame data = frame("x", numbers(1.0, null, 2.0, 6.0, Double.NaN));
    NumericEncoder e = (NumericEncoder) only(
        TransformSpec.of(FeatureSpec.of("x", StepSpec.fillMean(), StepSpec.zscore())), data);
    assertThat(e.steps()).hasSize(2);
    assertThat(e.steps().get(0)).isEqualTo(new FillStep(3));
    ZScoreStep z = (ZScoreStep) e.steps().get(1);
    assertThat(z.mean()).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(z.std()).isCloseTo(Math.sqrt(2.8), org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void fillMeanThenLog1pThenBucketizeCountsFilledRowsAtTheCarriedValue() {
    // mean of 0, 0, 0 is 0; two missing rows become log1p(0) = 0, so all 5 values are 0: one distinct boundary
    Frame data = frame("x", numbers(0.0, null, 0.0, null, 0.0));
    NumericEncoder e = (NumericEncoder) only(TransformSpec.of(
        FeatureSpec.of("x", StepSpec.fillMean(), StepSpec.log1p(), StepSpec.bucketize(4))), data);
    assertThat(e.steps()).containsExactly(new FillStep(0), new Log1pStep(), new BucketizeStep(new double[] {0}));
  }

  @Test
  void vocabularyFollowsTensorFlowTransformOrderWithTopKAndFrequencyThreshold() {
    // counts: b 3, a 2, c 2, d 1, null 1. TFT: frequency desc, ties by value desc -> b, c, a, d
    Frame data = frame("s", StringColumn.of("a", "b", "c", "b", "a", "c", "b", "d", null));
    assertThat(((VocabularyEncoder) only(TransformSpec.of(FeatureSpec.of("s")), data)).vocabulary())
        .containsExactly("b", "c", "a", "d");
    VocabularyEncoder top = (VocabularyEncoder) only(TransformSpec.of(FeatureSpec.of("s",
        StepSpec.vocabulary(2, 2L, 3, CategoryEncoding.ONE_HOT))), data);
    assertThat(top.vocabulary()).containsExactly("b", "c");
    assertThat(top.oovBuckets()).isEqualTo(3);
    assertThat(top.encoding()).isEqualTo(CategoryEncoding.ONE_HOT);
    assertThat(((VocabularyEncoder) only(TransformSpec.of(FeatureSpec.of("s",
        StepSpec.vocabulary(null, 3L, 0, null))), data)).vocabulary()).containsExactly("b");
  }

  @Test
  void vocabularyTiesCompareUtf8BytesNotUtf16Units() {
    // U+FF5E (UTF-8 EF BD 9E) sorts below U+1F600 (F0 9F 98 80) in bytes, above it in UTF-16 units.
    Frame data = frame("s", StringColumn.of("\uFF5E", "\uD83D\uDE00"));
    assertThat(((VocabularyEncoder) only(TransformSpec.of(FeatureSpec.of("s")), data)).vocabulary())
        .containsExactly("\uD83D\uDE00", "\uFF5E");
  }

  @Test
  void mostFrequentFillCountsTheFilledRowsInTheVocabulary() {
    // a 2, b 2 -> most frequent is b (tie to the greater value); 3 missing rows make b 5
    Frame data = frame("s", StringColumn.of("a", "a", "b", "b", null, null, null, "c", "c", "c", "c"));
    VocabularyEncoder v = (VocabularyEncoder) only(TransformSpec.of(FeatureSpec.of("s",
        StepSpec.fillMostFrequent(), StepSpec.vocabulary(null, null, 0, null))), data);
    assertThat(v.fill()).isEqualTo("c");
    assertThat(v.vocabulary()).containsExactly("c", "b", "a");
    Frame tie = frame("s", StringColumn.of("a", "a", "b", "b", null, null, null));
    VocabularyEncoder t = (VocabularyEncoder) only(TransformSpec.of(FeatureSpec.of("s",
        StepSpec.fillMostFrequent(), StepSpec.vocabulary(null, null, 0, null))), tie);
    assertThat(t.fill()).isEqualTo("b");
    assertThat(t.vocabulary()).containsExactly("b", "a");
  }

  @Test
  void constantFillAndHashNeedNoData() {
    Frame data = frame("s", StringColumn.of("a"));
    assertThat(only(TransformSpec.of(FeatureSpec.of("s", StepSpec.fillConstant("?"),
        StepSpec.hash(5, CategoryEncoding.ONE_HOT))), data))
        .isEqualTo(new HashEncoder("s", "s", "?", 5, CategoryEncoding.ONE_HOT));
  }

  @Test
  void mergedAccumulatorsFitWhatOnePassFits() {
    Frame a = Frame.of(List.of("x", "s"), List.of(Float64Column.of(1, 2, 3), StringColumn.of("p", "q", "q")));
    Frame b = Frame.of(List.of("x", "s"), List.of(Float64Column.of(10, 20), StringColumn.of("r", "p")));
    TransformSpec spec = TransformSpec.of(FeatureSpec.of("x", StepSpec.scaleToZeroOne()), FeatureSpec.of("s"));
    TransformAccumulator left = TransformAccumulator.create(spec, TransformFitter.fields(a));
    TransformAccumulator right = TransformAccumulator.create(spec, TransformFitter.fields(b));
    left.add(a);
    right.add(b);
    right.merge(left);
    FittedTransform merged = right.result();
    assertThat(merged).isEqualTo(TransformFitter.fit(spec, a.concat(b)));
    assertThat(((VocabularyEncoder) merged.features().get(1)).vocabulary()).containsExactly("q", "p", "r");
    assertThat(((NumericEncoder) merged.features().get(0)).steps()).containsExactly(new ScaleStep(1, 20));
  }

  @Test
  void defaultTransformPassesNumbersAndGivesStringsAVocabulary() {
    Frame data = Frame.of(List.of("x", "s"), List.of(Float64Column.of(1, 2), StringColumn.of("a", "b")));
    assertThat(TransformFitter.fit(data, List.of("x", "s"))).isEqualTo(FittedTransform.of(List.of(
        new NumericEncoder("x"), new VocabularyEncoder("s", List.of("b", "a")))));
  }

  @Test
  void stepsThatDoNotFitTheColumnTypeNameTheFeature() {
    Frame data = Frame.of(List.of("x", "s"), List.of(Float64Column.of(1), StringColumn.of("a")));
    assertThatThrownBy(() -> TransformFitter.fit(TransformSpec.of(FeatureSpec.of("s", StepSpec.zscore())), data))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("feature 's'")
        .hasMessageContaining("[zscore]");
    assertThatThrownBy(() -> TransformFitter.fit(TransformSpec.of(
        FeatureSpec.of("x", StepSpec.vocabulary(null, null, 0, null))), data))
        .hasMessageContaining("feature 'x'").hasMessageContaining("vocabulary needs a string");
    assertThatThrownBy(() -> TransformFitter.fit(TransformSpec.of(FeatureSpec.of("nope")), data))
        .hasMessageContaining("column 'nope', which is not in the data");
    assertThatThrownBy(() -> TransformFitter.fit(TransformSpec.of(
        FeatureSpec.of("x", StepSpec.zscore(), StepSpec.bucketize(3))), data))
        .hasMessageContaining("feature 'x' has 2 analyzing steps");
    assertThatThrownBy(() -> TransformFitter.fit(TransformSpec.of(
        FeatureSpec.of("x", StepSpec.fillConstant("zero"))), data))
        .hasMessageContaining("fill needs a number");
  }
}
