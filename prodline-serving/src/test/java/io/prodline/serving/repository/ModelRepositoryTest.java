package io.prodline.serving.repository;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {
  @TempDir
  Path root;

  private void writeModel(String name, long version) {
    TestBundles.write(root, name, version, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)), "1");
  }

  @Test
  void loadsEveryVersionAndKeepsFailedOnesWithTheirError() throws Exception {
    writeModel("m", 1);
    writeModel("m", 2);
    TestBundles.writeGarbage(root, "m", 10);
    writeModel("other", 5);
    Files.createDirectories(root.resolve("m/latest"));
    Files.createDirectories(root.resolve("m/007"));
    Files.createDirectories(root.resolve("m/.staging"));
    Files.writeString(root.resolve("README"), "not a model");

    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThat(repo.names()).containsExactly("m", "other");
      ServedModel m = repo.model("m");
      assertThat(m.versions()).extracting(ModelVersion::version).containsExactly(10L, 2L, 1L);
      ModelVersion broken = m.version(10);
      assertThat(broken.isAvailable()).isFalse();
      assertThat(broken.error()).contains("bundle.yaml", "cannot be read");
      assertThat(m.defaultVersion().version()).isEqualTo(2);
      assertThat(m.availableVersion(1).predictor()).isNotNull();
    }
  }

  @Test
  void lookupFailuresNameWhatExists() {
    writeModel("m", 1);
    TestBundles.writeGarbage(root, "m", 2);
    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThatThrownBy(() -> repo.model("x")).isInstanceOf(ModelNotFoundException.class)
          .hasMessage("model 'x' not found; this server has [m]");
      assertThatThrownBy(() -> repo.model("m").version(7)).isInstanceOf(ModelNotFoundException.class)
          .hasMessage("model 'm' has no version 7; its versions are [2, 1]");
      assertThatThrownBy(() -> repo.model("m").availableVersion(2)).isInstanceOf(ModelNotFoundException.class)
          .hasMessageStartingWith("version 2 of model 'm' is not available: ");
    }
  }

  @Test
  void aModelWhoseVersionsAllFailedHasNoDefault() {
    TestBundles.writeGarbage(root, "m", 1);
    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThatThrownBy(() -> repo.model("m").defaultVersion()).isInstanceOf(ModelNotFoundException.class)
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
      assertThat(repo.model("m").version(1).error()).contains("the transform reads 'x'", "[y]");
    }
  }

  @Test
  void aMissingRootIsAnError() {
    assertThatThrownBy(() -> ModelRepository.scan(root.resolve("nope"))).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("is not a directory");
  }
}
