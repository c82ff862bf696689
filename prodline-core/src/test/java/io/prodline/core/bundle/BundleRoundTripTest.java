package io.prodline.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.core.transform.VocabularyEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {
  static BundleManifest manifest() {
    return new BundleManifest(BundleManifest.FORMAT_VERSION, "churn", 3, "xgboost", "model.json", "transform.json",
        Task.BINARY_CLASSIFICATION, "churned", List.of("no", "yes"),
        List.of(new Field("age", ColumnType.INT64), new Field("plan", ColumnType.STRING)),
        Map.of("roc_auc", 0.91),
        new Provenance("data/churn.csv", "ab12", "cd34", TRANSFORM.sha256(), 800, 200, "xgboost",
            Map.of("max_depth", "6"), "dev", "17", "Linux", "amd64"),
        "2026-01-02T03:04:05Z", null, null);
  }

  static final FittedTransform TRANSFORM = FittedTransform.of(
      List.of(new NumericEncoder("age"), new VocabularyEncoder("plan", List.of("basic", "pro"))));

  @Test
  void writtenBundleReadsBackEqual(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("churn/3");
    Bundle written = BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    Bundle read = BundleReader.read(target);
    assertThat(read.manifest()).isEqualTo(manifest());
    assertThat(read.transform()).isEqualTo(TRANSFORM);
    assertThat(written.manifest()).isEqualTo(read.manifest());
    assertThat(Files.readString(read.modelFile())).isEqualTo("{}");
  }

  @Test
  void transformHashesAreWrittenAndAnEditedTransformIsRefused(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    assertThat(Files.readString(target.resolve("bundle.yaml")))
        .contains("transformSpecSha256: \"cd34\"", "transformSha256: \"" + TRANSFORM.sha256() + "\"");
    assertThat(ContentFingerprint.sha256(target.resolve("transform.json"))).isEqualTo(TRANSFORM.sha256());

    Path transform = target.resolve("transform.json");
    Files.writeString(transform, Files.readString(transform).replace("\"pro\"", "\"premium\""));
    assertThatThrownBy(() -> BundleReader.read(target)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("'transform.json' has SHA-256 " + ContentFingerprint.sha256(transform))
        .hasMessageContaining("records " + TRANSFORM.sha256())
        .hasMessageContaining("the transform changed after training");
  }

  @Test
  void failedWriteLeavesNoBundleAndNoStagingDirectory(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    assertThatThrownBy(() -> BundleWriter.write(target, manifest(), TRANSFORM, f -> {
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");
    assertThat(target).doesNotExist();
    try (Stream<Path> left = Files.list(dir.resolve("m"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void refusesToOverwriteAnExistingBundle(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    assertThatThrownBy(() -> BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}")))
        .hasMessageContaining("already there");
  }

  @Test
  void directoryWithoutManifestOrBareModelIsNamedWithTheAcceptedFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("model.pkl"), "pickle");
    assertThatThrownBy(() -> BundleReader.read(dir)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining(dir + " is not a model bundle")
        .hasMessageContaining("no bare model file (accepted: model.json, model.ubj");
  }

  @Test
  void aModelFileOrAMissingDirectoryIsNamedAsSuch(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("model.json"), "{}");
    assertThatThrownBy(() -> BundleReader.read(file)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(file + " is a file; a model is the directory that holds it: pass " + dir);
    assertThatThrownBy(() -> BundleReader.read(dir.resolve("nope"))).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(dir.resolve("nope") + " does not exist; a model is a bundle directory");
  }

  @Test
  void newerFormatVersionIsRefusedWithTheFix(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    Path yaml = target.resolve("bundle.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("formatVersion: 1", "formatVersion: 99"));
    assertThatThrownBy(() -> BundleReader.read(target)).hasMessageContaining("formatVersion 99")
        .hasMessageContaining("upgrade prodline");
  }

  @Test
  void missingModelFileIsNamed(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    Files.delete(target.resolve("model.json"));
    assertThatThrownBy(() -> BundleReader.read(target)).hasMessageContaining("'model.json'")
        .hasMessageContaining("missing");
  }

  @Test
  void unknownKeyInManifestIsAnError(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    Path yaml = target.resolve("bundle.yaml");
    Files.writeString(yaml, Files.readString(yaml) + "colour: blue\n");
    assertThatThrownBy(() -> BundleReader.read(target)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("bundle.yaml").hasMessageContaining("colour");
  }

  @Test
  void aBrokenManifestIsNamedWithItsLineKeyAndProblem(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    Path yaml = target.resolve("bundle.yaml");
    String written = Files.readString(yaml);

    Files.writeString(yaml, "just some text\n");
    assertThatThrownBy(() -> BundleReader.read(target)).isInstanceOf(ProdlineException.class)
        .hasMessage(yaml + ":1: the top level must be a mapping with the keys formatVersion, name, version, runtime, "
            + "modelFile, transformFile, task, label, classes, inputs, metrics, source, createdAt, learningCurves, "
            + "featureImportance, not 'just some text'");
    Files.writeString(yaml, written.replace("task: \"binary_classification\"", "task: ranking"));
    assertThatThrownBy(() -> BundleReader.read(target))
        .hasMessage(yaml + ":8: task: unknown task 'ranking': expected binary_classification, "
            + "multiclass_classification or regression");
    Files.writeString(yaml, written.replaceAll("runtime: .*\n", ""));
    // reported where the mapping that lacks it ends
    assertThatThrownBy(() -> BundleReader.read(target)).hasMessageStartingWith(yaml + ":")
        .hasMessageEndingWith(": missing runtime");
    Files.writeString(yaml, written.replace("version: 3", "version: [3]"));
    assertThatThrownBy(() -> BundleReader.read(target))
        .hasMessage(yaml + ":4: version must be a whole number, not a list");
    Files.writeString(yaml, "name: x\n  runtime: y\n");
    assertThatThrownBy(() -> BundleReader.read(target))
        .hasMessage(yaml + ":2: not valid YAML: mapping values are not allowed here");
    Files.writeString(yaml, "{{{ this is : not: [a bundle");
    assertThatThrownBy(() -> BundleReader.read(target))
        .hasMessage(yaml + ":1: not valid YAML: a key must be a single value, not a mapping or a list");
  }

  @Test
  void learningCurvesAndFeatureImportanceRoundTrip(@TempDir Path dir) throws IOException {
    BundleManifest base = manifest();
    BundleManifest withTraining = new BundleManifest(base.formatVersion(), base.name(), base.version(),
        base.runtime(), base.modelFile(), base.transformFile(), base.task(), base.label(), base.classes(),
        base.inputs(), base.metrics(), base.source(), base.createdAt(),
        new LearningCurves("logloss", List.of(0.6, 0.5), List.of(0.65, 0.58), 1), Map.of("age", 12.5));
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, withTraining, TRANSFORM, f -> Files.writeString(f, "{}"));
    assertThat(BundleReader.read(target).manifest()).isEqualTo(withTraining);
    assertThat(Files.readString(target.resolve("bundle.yaml"))).contains("learningCurves:", "featureImportance:");
  }

  @Test
  void manifestWithoutTrainingDetailsOmitsThemAndReadsAsVersion1(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    String yaml = Files.readString(target.resolve("bundle.yaml"));
    assertThat(yaml).contains("formatVersion: 1").doesNotContain("learningCurves").doesNotContain("featureImportance");
    BundleManifest read = BundleReader.read(target).manifest();
    assertThat(read.learningCurves()).isNull();
    assertThat(read.featureImportance()).isEmpty();
  }

  @Test
  void fingerprintDependsOnContentNotLocation(@TempDir Path dir) throws IOException {
    BundleWriter.write(dir.resolve("a/1"), manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    BundleWriter.write(dir.resolve("b/7"), manifest(), TRANSFORM, f -> Files.writeString(f, "{}"));
    BundleWriter.write(dir.resolve("c/1"), manifest(), TRANSFORM, f -> Files.writeString(f, "{ }"));
    assertThat(BundleFingerprint.of(dir.resolve("a/1"))).matches("[0-9a-f]{64}")
        .isEqualTo(BundleFingerprint.of(dir.resolve("b/7")))
        .isNotEqualTo(BundleFingerprint.of(dir.resolve("c/1")));
  }
}
