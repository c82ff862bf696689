package io.prodline.serving.repository;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.lifecycle.VersionListener;
import io.prodline.serving.lifecycle.VersionPolicy;
import io.prodline.serving.lifecycle.VersionSelector;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A polled repository follows its directory: new versions come in, removed ones go, labels follow the file. */
class RepositoryPollingTest {
  private static final Duration POLL = Duration.ofMillis(50);

  @TempDir
  Path root;

  private void write(String model, long version) {
    TestBundles.write(root, model, version, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        Long.toString(version));
  }

  /** Each reported version as "number STATE", newest first. */
  private static List<String> versions(ModelRepository repo, String model) {
    return repo.snapshot().model(model).statuses().stream().map(v -> v.version() + " " + v.state()).toList();
  }

  /** Waits until {@code model}'s reported versions are {@code expected} ("number STATE", newest first). */
  private static void awaitVersions(ModelRepository repo, String model, String... expected) {
    await().atMost(Duration.ofSeconds(10)).until(() -> versions(repo, model).equals(List.of(expected)));
  }

  private static long serving(ModelRepository repo, String model, VersionSelector selector) {
    try (VersionHandle handle = repo.acquire(model, selector)) {
      return handle.version();
    }
  }

  /**
   * Adds a model of its own and waits until it is served: proof that a scan has run since, and so has read every
   * file changed before this call.
   */
  private void awaitScan(ModelRepository repo) {
    write("witness", 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> repo.snapshot().contains("witness")
        && versions(repo, "witness").equals(List.of("1 AVAILABLE")));
  }

  /** Replaces a file in one rename, as the docs advise, so a poll never reads it half-written. */
  private static void replace(Path file, String content) throws Exception {
    Path staged = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(staged, content);
    Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void delete(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void picksUpANewVersionAndRetiresTheOld() throws Exception {
    write("m", 1);
    try (ModelRepository repo = ModelRepository.open(root, RepositoryOptions.oneShot().withPollInterval(POLL))) {
      assertThat(versions(repo, "m")).containsExactly("1 AVAILABLE");
      write("m", 2);
      // The old version's directory is still there: it stays reported, as unloaded.
      awaitVersions(repo, "m", "2 AVAILABLE", "1 END");
      assertThat(serving(repo, "m", VersionSelector.DEFAULT)).isEqualTo(2);

      write("other", 7);
      await().atMost(Duration.ofSeconds(10)).until(() -> repo.names().equals(List.of("m", "other")));
      delete(root.resolve("other"));
      await().atMost(Duration.ofSeconds(10)).until(() -> repo.names().equals(List.of("m")));
    }
  }

  @Test
  void removingTheNewestVersionBringsBackThePreviousOne() throws Exception {
    write("m", 1);
    write("m", 2);
    try (ModelRepository repo = ModelRepository.open(root, RepositoryOptions.oneShot().withPollInterval(POLL))) {
      assertThat(versions(repo, "m")).containsExactly("2 AVAILABLE");
      delete(root.resolve("m/2"));
      // Its directory gone, version 2 is not reported any more.
      awaitVersions(repo, "m", "1 AVAILABLE");
    }
  }

  @Test
  void aVersionThatFailedToLoadIsLoadedAgainOnceItsFilesChangeAndNotBefore() throws Exception {
    write("m", 1);
    Map<Long, Integer> failures = new ConcurrentHashMap<>();
    VersionListener listener = new VersionListener() {
      @Override
      public void loadFailed(String model, long version, String reason) {
        failures.merge(version, 1, Integer::sum);
      }
    };
    try (ModelRepository repo = ModelRepository.open(root, RepositoryOptions.oneShot().withPollInterval(POLL),
        listener)) {
      TestBundles.writeGarbage(root, "m", 2); // as a copy caught half-way, or a file broken in place
      awaitVersions(repo, "m", "2 ERROR", "1 AVAILABLE");
      awaitScan(repo);
      assertThat(failures).containsExactly(Map.entry(2L, 1)); // unchanged files: not loaded again at every scan
      assertThat(serving(repo, "m", VersionSelector.DEFAULT)).isEqualTo(1);

      // The version's files fixed in place: the next scan loads it.
      Path fixed = TestBundles.write(root.resolve(".staging"), "m", 2, Task.REGRESSION, List.of(),
          List.of(field("x", ColumnType.FLOAT64)), "2");
      try (Stream<Path> files = Files.list(fixed)) {
        for (Path file : files.toList()) {
          Files.copy(file, root.resolve("m/2").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      awaitVersions(repo, "m", "2 AVAILABLE", "1 END");
      assertThat(serving(repo, "m", VersionSelector.DEFAULT)).isEqualTo(2);
    }
  }

  @Test
  void labelsComeFromTheConfigFileAndKeepTheirVersionsLoaded() throws Exception {
    write("m", 1);
    write("m", 2);
    write("m", 3);
    Path config = root.resolve("serving.yaml");
    Files.writeString(config, "models:\n  m:\n    labels: {stable: 1, canary: 3}\n");
    RepositoryOptions options = RepositoryOptions.oneShot().withPollInterval(POLL).withModelConfig(config);
    try (ModelRepository repo = ModelRepository.open(root, options)) {
      // latest 1 (the default) gives 3; the label "stable" keeps 1 loaded too.
      assertThat(versions(repo, "m")).containsExactly("3 AVAILABLE", "1 AVAILABLE");
      assertThat(serving(repo, "m", VersionSelector.label("stable"))).isEqualTo(1);
      assertThat(serving(repo, "m", VersionSelector.label("canary"))).isEqualTo(3);

      replace(config, "models:\n  m:\n    labels: {stable: 2, canary: 3}\n");
      awaitVersions(repo, "m", "3 AVAILABLE", "2 AVAILABLE", "1 END");
      assertThat(serving(repo, "m", VersionSelector.label("stable"))).isEqualTo(2);

      // A broken edit is ignored: the last valid configuration stays in force.
      replace(config, "models:\n  m:\n    labels: {stable: -4}\n");
      awaitScan(repo);
      assertThat(serving(repo, "m", VersionSelector.label("stable"))).isEqualTo(2);
    }
  }

  @Test
  void theDefaultModelsYamlAppliesWhenAddedAfterStartAndIsDroppedWhenDeleted() throws Exception {
    write("m", 1);
    write("m", 2);
    try (ModelRepository repo = ModelRepository.open(root, RepositoryOptions.oneShot().withPollInterval(POLL))) {
      assertThat(versions(repo, "m")).containsExactly("2 AVAILABLE");

      Path config = root.resolve(ModelConfigFile.DEFAULT_NAME);
      replace(config, "models:\n  m:\n    labels: {stable: 1}\n");
      awaitVersions(repo, "m", "2 AVAILABLE", "1 AVAILABLE");
      assertThat(serving(repo, "m", VersionSelector.label("stable"))).isEqualTo(1);

      Files.delete(config);
      awaitVersions(repo, "m", "2 AVAILABLE", "1 END");
      assertThatThrownBy(() -> serving(repo, "m", VersionSelector.label("stable")))
          .hasMessageContaining("has no label 'stable'");
    }
  }

  /** A Triton model directory as Triton's users write it, with fields prodline reads past. */
  private static String tritonConfig(String versionPolicy) {
    return "name: \"m\"\nplatform: \"onnxruntime_onnx\"\nmax_batch_size: 8\n" + versionPolicy + "\n"
        + "input [ { name: \"x\" data_type: TYPE_FP32 dims: [ 1 ] } ]\n"
        + "instance_group [ { count: 2 kind: KIND_CPU } ]\n"
        + "dynamic_batching { max_queue_delay_microseconds: 100 preferred_batch_size: [ 4, 8 ] }\n"
        + "optimization { execution_accelerators { cpu_execution_accelerator: [ { name: \"openvino\" } ] } }\n";
  }

  @Test
  void aTritonConfigPbtxtGivesTheVersionPolicyUnlessTheConfigFileNamesTheModel() throws Exception {
    write("m", 1);
    write("m", 2);
    write("m", 3);
    write("n", 1);
    write("n", 2);
    Path pbtxt = root.resolve("m/config.pbtxt");
    Files.writeString(pbtxt, tritonConfig("version_policy: { latest: { num_versions: 2 } }"));
    Files.writeString(root.resolve("n/config.pbtxt"), tritonConfig("version_policy: { all: {} }"));
    Path config = root.resolve("serving.yaml");
    Files.writeString(config, "models:\n  n:\n    version_policy: {latest: 1}\n");
    RepositoryOptions options = RepositoryOptions.oneShot().withPollInterval(POLL).withModelConfig(config);
    try (ModelRepository repo = ModelRepository.open(root, options)) {
      assertThat(versions(repo, "m")).containsExactly("3 AVAILABLE", "2 AVAILABLE");
      assertThat(repo.snapshot().model("m").versionPolicy()).isEqualTo(new VersionPolicy.Latest(2));
      // The config file names n: its settings win over n's config.pbtxt.
      assertThat(versions(repo, "n")).containsExactly("2 AVAILABLE");

      replace(pbtxt, tritonConfig("version_policy: { specific: { versions: [ 1, 3 ] } }"));
      awaitVersions(repo, "m", "3 AVAILABLE", "2 END", "1 AVAILABLE");

      // A file that is not Triton's text format is logged; the policy read before stays.
      replace(pbtxt, "version_policy: { latest: { num_versions: 2 }\n");
      awaitScan(repo);
      assertThat(repo.snapshot().model("m").versionPolicy()).isEqualTo(VersionPolicy.Specific.of(List.of(1L, 3L)));

      Files.delete(pbtxt);
      awaitVersions(repo, "m", "3 AVAILABLE", "2 END", "1 END");
    }
  }

  @Test
  void warmsUpWithWarmupJsonOrSyntheticRowsAndAFailingWarmupFailsTheLoad() throws Exception {
    write("m", 1);
    Files.writeString(root.resolve("m/1/warmup.json"), "{\"instances\": [{\"x\": 1}]}");
    TestBundles.write(root, "bad", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)), "1");
    Files.writeString(root.resolve("bad/1/warmup.json"), "{\"instances\": [{\"y\": 1}]}");
    TestBundles.write(root, "exploding", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        "fail\n1\n");
    Files.writeString(root.resolve("models.yaml"),
        "models:\n  exploding:\n    warmup: {synthetic_rows: 4, iterations: 2}\n");
    try (ModelRepository repo = ModelRepository.scan(root)) {
      assertThat(repo.snapshot().model("m").defaultVersion()).hasValue(1);
      assertThat(repo.snapshot().model("bad").statuses().get(0).error())
          .contains("warmup.json is not a valid predict request", "unknown feature 'y'");
      assertThat(repo.snapshot().model("exploding").statuses().get(0).error())
          .startsWith("warm-up with 4 synthetic rows failed");
    }
  }
}
