package io.prodline.train.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.LearningCurves;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.metadata.store.Artifact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTrackerTest {
  @TempDir Path home;

  private static TrainingRun run(String kind, double auc, String bundle) {
    return new TrainingRun(0, kind, "tune-1", "xgboost", Map.of("eta", "0.1", "max_depth", "4"),
        Map.of("roc_auc", auc), new LearningCurves("logloss", List.of(0.6, 0.4), List.of(0.62, 0.45), null),
        "data/cancer.csv", "a".repeat(64), "b".repeat(40), 1234, bundle, bundle == null ? null : "c".repeat(64),
        null);
  }

  @Test
  void runsAreStoredWithEverythingAndReadBackInOrder() {
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunTracker tracker = new RunTracker(db.store(), "cancer");
      TrainingRun first = tracker.record(run("trial", 0.97, null));
      TrainingRun second = tracker.record(run("tuned", 0.98, "/models/cancer/1"));
      assertThat(first.id()).isPositive();
      assertThat(first.createdAt()).isNotNull();
      assertThat(tracker.list()).extracting(TrainingRun::id).containsExactly(first.id(), second.id());

      TrainingRun read = tracker.get(second.id());
      assertThat(read.kind()).isEqualTo("tuned");
      assertThat(read.group()).isEqualTo("tune-1");
      assertThat(read.params()).containsEntry("eta", "0.1").containsEntry("max_depth", "4");
      assertThat(read.metrics()).containsEntry("roc_auc", 0.98);
      assertThat(read.learningCurves().eval()).containsExactly(0.62, 0.45);
      assertThat(read.gitCommit()).isEqualTo("b".repeat(40));
      assertThat(read.durationMillis()).isEqualTo(1234);
      assertThat(read.bundlePath()).isEqualTo("/models/cancer/1");

      // Lineage: the run read the data set and produced the model, found by content.
      List<Artifact> models = db.store().artifactsByFingerprint("c".repeat(64));
      assertThat(models).singleElement().satisfies(a -> assertThat(a.uri()).isEqualTo("/models/cancer/1"));
      assertThat(db.store().upstream(models.get(0).id(), 1).artifacts()).extracting(Artifact::uri)
          .contains("data/cancer.csv");
    }
  }

  @Test
  void experimentsKeepTheirRunsApartAndSurviveReopening() {
    long id;
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      id = new RunTracker(db.store(), "a").record(run("train", 0.9, null)).id();
      new RunTracker(db.store(), "b").record(run("train", 0.8, null));
    }
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      assertThat(new RunTracker(db.store(), "a").list()).extracting(TrainingRun::id).containsExactly(id);
      assertThat(new RunTracker(db.store(), "b").get(id).metrics()).containsEntry("roc_auc", 0.9);
    }
  }

  @Test
  void unknownRunIsExplained() {
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      assertThatThrownBy(() -> new RunTracker(db.store(), "x").get(999))
          .hasMessageContaining("no training run 999").hasMessageContaining("prodline runs list");
    }
  }

  @Test
  void gitCommitIsTheWorkTreesHeadOrNullOutsideOne(@TempDir Path notARepo) {
    assertThat(GitCommit.of(Path.of("").toAbsolutePath())).matches("[0-9a-f]{40}");
    assertThat(GitCommit.of(notARepo)).isNull();
  }
}
