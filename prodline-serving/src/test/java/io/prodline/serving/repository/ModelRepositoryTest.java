package io.prodline.serving.repository;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.VersionSelector;
import io.prodline.serving.lifecycle.VersionState;
import io.prodline.serving.lifecycle.VersionStatus;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot scans: the layout rules, failed versions kept with their error, lookups naming what exists. */
class ModelRepositoryTest {
  @TempDir
  Path root;

  private void writeModel(String name, long version) {
    TestBundles.write(root, name, version, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)), "1");
  }

  private void serveAllVersions() throws Exception {
    Files.writeString(root.resolve("models.yaml"), "models:\n  m: {version_policy: all}\n");
  }

  @Test
  void loadsTheWantedVersionsAndKeepsFailedOnesWithTheirError() throws Exception {
    writeModel("m", 1);
    writeModel("m", 2);
    TestBundles.writeGarbage(root, "m", 10);
    writeModel("other", 5);
    writeModel("other", 6);
    Files.createDirectories(root.resolve("m/latest"));
    Files.createDirectories(root.resolve("m/007"));
    Files.createDirectories(root.resolve("m/.staging"));
    Files.writeString(root.resolve("README"), "not a model");
    serveAllVersions();

    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThat(repo.names()).containsExactly("m", "other");
      ModelSnapshot m = repo.snapshot().model("m");
      assertThat(m.statuses()).extracting(VersionStatus::version).containsExactly(10L, 2L, 1L);
      VersionStatus broken = m.statuses().get(0);
      assertThat(broken.state()).isEqualTo(VersionState.ERROR);
      assertThat(broken.error()).endsWith("/bundle.yaml:1: not valid YAML: a key must be a single value, not a "
          + "mapping or a list");
      assertThat(m.defaultVersion()).hasValue(2);
      try (var handle = repo.acquire("m", VersionSelector.number(1))) {
        assertThat(handle.predictor()).isNotNull();
      }
      // No config for "other": TF Serving's default, the newest version only.
      assertThat(repo.snapshot().model("other").statuses()).extracting(VersionStatus::version).containsExactly(6L);
    }
  }

  @Test
  void aTfServingModelConfigServesOnlyItsModelsWithTheirPoliciesAndLabels() throws Exception {
    writeModel("m", 1);
    writeModel("m", 2);
    writeModel("m", 3);
    writeModel("other", 1);
    Path config = Files.writeString(root.resolve("models.config"), "model_config_list {\n  config {\n"
        + "    name: 'm'\n    base_path: '" + root.resolve("m") + "'\n    model_platform: 'tensorflow'\n"
        + "    model_version_policy { specific { versions: 1 versions: 2 } }\n"
        + "    version_labels { key: 'stable' value: 1 }\n    version_labels { key: 'canary' value: 2 }\n  }\n}\n");

    try (ModelRepository repo = ModelRepository.open(root, RepositoryOptions.oneShot().withModelConfig(config))) {
      assertThat(repo.names()).containsExactly("m");
      // Version 3 is outside the specific policy, so it is never loaded.
      assertThat(repo.snapshot().model("m").statuses()).extracting(VersionStatus::version).containsExactly(2L, 1L);
      assertThat(repo.snapshot().model("m").statuses()).extracting(VersionStatus::state)
          .containsExactly(VersionState.AVAILABLE, VersionState.AVAILABLE);
      try (var stable = repo.acquire("m", VersionSelector.label("stable"));
          var canary = repo.acquire("m", VersionSelector.label("canary"));
          var chosen = repo.acquire("m", VersionSelector.DEFAULT)) {
        assertThat(stable.version()).isEqualTo(1);
        assertThat(canary.version()).isEqualTo(2);
        assertThat(chosen.version()).isEqualTo(2);
      }
      assertThatThrownBy(() -> repo.snapshot().model("other")).isInstanceOf(ModelNotFoundException.class);
    }
  }

  @Test
  void lookupFailuresNameWhatExists() throws Exception {
    writeModel("m", 1);
    TestBundles.writeGarbage(root, "m", 2);
    serveAllVersions();
    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThatThrownBy(() -> repo.snapshot().model("x")).isInstanceOf(ModelNotFoundException.class)
          .hasMessage("model 'x' not found; this server has [m]");
      assertThatThrownBy(() -> repo.acquire("m", VersionSelector.number(7)))
          .isInstanceOf(ModelNotFoundException.class)
          .hasMessage("model 'm' has no version 7; its versions are [2, 1]");
      assertThatThrownBy(() -> repo.acquire("m", VersionSelector.number(2)))
          .isInstanceOf(ModelNotFoundException.class)
          .hasMessageStartingWith("version 2 of model 'm' is not available: ");
      assertThatThrownBy(() -> repo.acquire("m", VersionSelector.label("stable")))
          .isInstanceOf(ModelNotFoundException.class)
          .hasMessage("model 'm' has no label 'stable'; its labels are []");
    }
  }

  @Test
  void aModelWhoseVersionsAllFailedHasNoDefault() {
    TestBundles.writeGarbage(root, "m", 1);
    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThatThrownBy(() -> repo.acquire("m", VersionSelector.DEFAULT)).isInstanceOf(ModelNotFoundException.class)
          .hasMessageContaining("no available version");
    }
  }

  @Test
  void refusesBundlesThatCouldNeverAnswer() throws Exception {
    Path dir = TestBundles.write(root, "m", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        "1");
    Path manifest = dir.resolve("bundle.yaml");
    Files.writeString(manifest, Files.readString(manifest).replace("name: \"x\"", "name: \"y\""));
    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThat(repo.snapshot().model("m").statuses().get(0).error()).contains("the transform reads 'x'", "[y]");
    }
  }

  @Test
  void aMissingRootIsAnError() {
    assertThatThrownBy(() -> ModelRepository.scan(root.resolve("nope"))).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("is not a directory");
  }

  @Test
  void anInvalidModelConfigFailsTheStartNamingTheField() throws Exception {
    writeModel("m", 1);
    Files.writeString(root.resolve("models.yaml"), "models:\n  m: {version_policy: {latest: 0}}\n");
    assertThatThrownBy(() -> ModelRepository.scan(root)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("models.yaml: models.m.version_policy.latest must be an integer from 1 to 1000, got 0");
  }
}
