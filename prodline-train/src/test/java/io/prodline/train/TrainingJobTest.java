package io.prodline.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.train.transform.TransformSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training quality on the real data sets shipped in examples/data, against stated bounds. */
class TrainingJobTest {
  static Frame cancer;
  static Frame weather;

  @BeforeAll
  static void readData() {
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/breast_cancer.csv"))) {
      cancer = csv.readAll();
    }
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/seattle-weather.csv"))) {
      weather = csv.readAll();
    }
  }

  private static TrainingResult train(Frame data, String label, Task task) {
    TrainingSpec defaults = TrainingSpec.defaults("m", label);
    TrainingSpec spec = new TrainingSpec("m", label, task, defaults.evalFraction(), null, 0, false,
        defaults.trainer(), null);
    return TrainingJob.run(data, new TrainingResult.DataSource("mem", "0"), spec);
  }

  @Test
  void breastCancerClassifierIsAccurateOnHeldOutRows() {
    TrainingResult r = train(cancer, "diagnosis", null);
    assertThat(r.labels().task()).isEqualTo(Task.BINARY_CLASSIFICATION);
    assertThat(r.labels().classes()).containsExactly("benign", "malignant");
    assertThat(r.evalRows().rowCount()).isBetween(90, 140);
    // Published results for gradient boosting on this data set are 0.95-0.97 accuracy, ROC-AUC above 0.98.
    assertThat(r.metrics().get("roc_auc")).isGreaterThan(0.97);
    assertThat(r.metrics().get("accuracy")).isGreaterThan(0.92);
  }

  @Test
  void weatherMulticlassBeatsTheMajorityClass() {
    TrainingResult r = train(weather.drop("date"), "weather", null);
    assertThat(r.labels().task()).isEqualTo(Task.MULTICLASS_CLASSIFICATION);
    assertThat(r.outputWidth()).isEqualTo(5);
    // "rain" and "sun" are about 44% each; precipitation alone separates rain well.
    assertThat(r.metrics().get("accuracy")).isGreaterThan(0.6);
  }

  @Test
  void regressionOfMaximumTemperatureExplainsMostVariance() {
    TrainingResult r = train(weather.drop("date"), "temp_max", null);
    assertThat(r.labels().task()).isEqualTo(Task.REGRESSION);
    // temp_min alone explains most of temp_max's variance in Seattle.
    assertThat(r.metrics().get("r2")).isGreaterThan(0.7);
  }

  @Test
  void bundleRecordsTheSignatureVocabularyAndProvenance(@TempDir Path dir) throws Exception {
    TrainingResult r = train(weather.drop("date"), "temp_max", null);
    Bundle written = r.writeBundle(dir.resolve("temp/4"), 4);
    Bundle read = BundleReader.read(written.directory());
    assertThat(read.manifest().version()).isEqualTo(4);
    assertThat(read.manifest().label()).isEqualTo("temp_max");
    assertThat(read.manifest().inputs()).extracting(f -> f.name())
        .containsExactly("precipitation", "temp_min", "wind", "weather");
    assertThat(read.transform()).isEqualTo(r.transform());
    assertThat(read.manifest().metrics()).containsKey("rmse");
    assertThat(read.manifest().source().trainRows()).isEqualTo(r.trainRows().rowCount());
    // No spec was given, so the default one (every column as itself) is what the bundle names.
    assertThat(read.manifest().source().transformSpecSha256())
        .isEqualTo(TransformSpec.defaults(List.of("precipitation", "temp_min", "wind", "weather")).sha256());
    assertThat(read.manifest().source().transformSha256())
        .isEqualTo(ContentFingerprint.sha256(written.directory().resolve(TrainingResult.TRANSFORM_FILE)));
  }

  @Test
  void unknownLabelNamesTheColumns() {
    assertThatThrownBy(() -> train(cancer, "diagnosys", null)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("'diagnosys' is not in the data").hasMessageContaining("mean_radius");
  }
}
