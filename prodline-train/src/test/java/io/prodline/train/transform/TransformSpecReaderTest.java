package io.prodline.train.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.transform.CategoryEncoding;
import io.prodline.core.transform.DatePart;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformSpecReaderTest {
  @Test
  void readsEveryStepKindAndTheJavaApiBuildsTheSameSpec() {
    String yaml = """
        features:
          - input: temp_max
            steps: [{zscore: {}}]
          - name: rain
            input: precipitation
            steps:
              - fill: {strategy: mean}
              - log1p: {}
              - clip: {min: 0, max: 5}
              - scale_to_0_1: {}
          - input: wind
            steps: [{bucketize: {buckets: 4, kll_k: 400}}]
          - input: weather
            steps:
              - fill: {strategy: constant, value: sun}
              - vocabulary: {top_k: 3, min_frequency: 2, oov_buckets: 1, encoding: one_hot}
          - name: weather_hash
            input: weather
            steps: [{fill: {strategy: most_frequent}}, {hash: {buckets: 8}}]
          - name: dow
            input: date
            steps: [{date_part: {part: day_of_week}}]
          - name: cross
            cross: {inputs: [weather, date], buckets: 50, encoding: one_hot}
        """;
    TransformSpec spec = TransformSpecReader.parse(yaml, "t.yaml");
    TransformSpec java = TransformSpec.of(
        FeatureSpec.of("temp_max", StepSpec.zscore()),
        FeatureSpec.named("rain", "precipitation", StepSpec.fillMean(), StepSpec.log1p(), StepSpec.clip(0, 5),
            StepSpec.scaleToZeroOne()),
        FeatureSpec.of("wind", new StepSpec.Bucketize(4, 400)),
        FeatureSpec.of("weather", StepSpec.fillConstant("sun"),
            StepSpec.vocabulary(3, 2L, 1, CategoryEncoding.ONE_HOT)),
        FeatureSpec.named("weather_hash", "weather", StepSpec.fillMostFrequent(),
            StepSpec.hash(8, CategoryEncoding.INDEX)),
        FeatureSpec.named("dow", "date", StepSpec.datePart(DatePart.DAY_OF_WEEK)),
        FeatureSpec.cross("cross", List.of("weather", "date"), 50, CategoryEncoding.ONE_HOT));
    assertThat(spec).isEqualTo(java);
    assertThat(spec.inputs()).containsExactly("temp_max", "precipitation", "wind", "weather", "date");
    // The canonical form reads back as the same spec, so two specs that differ never share a hash.
    assertThat(TransformSpecReader.parse(spec.canonical(), "canonical")).isEqualTo(spec);
    assertThat(spec.sha256()).isEqualTo(java.sha256()).matches("[0-9a-f]{64}");
  }

  @Test
  void hashIgnoresCommentsLayoutKeyOrderAndDefaultsButNotWhatIsComputed() {
    String plain = """
        features:
          - input: wind
            steps: [{zscore: {}}]
          - input: weather
            steps: [{vocabulary: {top_k: 3}}]
        """;
    String restated = """
        # the same feature engineering, written differently
        features:
          - name: wind
            input: wind
            steps:
              - zscore: {}
          - steps:
              - vocabulary: {encoding: index, oov_buckets: 0, min_frequency: 1, top_k: 3}
            input: weather
        """;
    String changed = plain.replace("top_k: 3", "top_k: 4");
    String hash = TransformSpecReader.parse(plain, "a.yaml").sha256();
    assertThat(TransformSpecReader.parse(restated, "b.yaml").sha256()).isEqualTo(hash);
    assertThat(TransformSpecReader.parse(changed, "c.yaml").sha256()).isNotEqualTo(hash);
  }

  @Test
  void badValueNamesTheLineAndFieldPath() {
    String yaml = """
        features:
          - input: wind
            steps:
              - bucketize: {buckets: 1}
        """;
    assertThatThrownBy(() -> TransformSpecReader.parse(yaml, "t.yaml"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("t.yaml line 4")
        .hasMessageContaining("features[0].steps[0]")
        .hasMessageContaining("bucketize needs 2 <= buckets <= 10000, got 1");
  }

  @Test
  void unknownStepKindNamesTheLine() {
    String yaml = """
        features:
          - input: wind
            steps:
              - standardize: {}
        """;
    assertThatThrownBy(() -> TransformSpecReader.parse(yaml, "t.yaml"))
        .hasMessage("t.yaml line 4, column 9 (features[0].steps[0]): unknown step 'standardize'; the steps are fill, "
            + "log1p, clip, scale_to_0_1, zscore, bucketize, vocabulary, hash, date_part");
  }

  @Test
  void misspeltFieldNamesTheLineAndTheField() {
    String yaml = """
        features:
          - input: weather
            steps:
              - vocabulary: {topk: 3}
        """;
    assertThatThrownBy(() -> TransformSpecReader.parse(yaml, "t.yaml"))
        .hasMessage("t.yaml line 4, column 30 (features[0].steps[0].topk): unknown key 'topk'; the keys allowed there "
            + "are encoding, min_frequency, oov_buckets, top_k");
  }

  @Test
  void aStepThatIsNotAMappingSaysWhatAStepLooksLike() {
    assertThatThrownBy(() -> TransformSpecReader.parse("features:\n  - input: wind\n    steps: [log1p]\n", "t.yaml"))
        .hasMessageContaining("(features[0].steps[0]): a step is a mapping of one step name to its settings, e.g. "
            + "{bucketize: {buckets: 4}}; the steps are fill, log1p,");
  }

  @Test
  void featureWithoutInputOrCrossIsAnError() {
    String yaml = """
        features:
          - input: a
          - name: x
          - input: b
        """;
    // The position is where the parser stands when the feature is complete: the end of its entry.
    assertThatThrownBy(() -> TransformSpecReader.parse(yaml, "t.yaml"))
        .hasMessageContaining("t.yaml line 4").hasMessageContaining("(features[1])")
        .hasMessageContaining("exactly one of input or cross");
  }

  @Test
  void duplicateNamesAreAnError() {
    assertThatThrownBy(() -> TransformSpecReader.parse("features:\n  - input: a\n  - input: a\n", "t.yaml"))
        .hasMessageContaining("two features are named 'a'");
  }
}
