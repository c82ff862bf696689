package io.prodline.train.runs;

import io.prodline.core.bundle.BundleFingerprint;
import io.prodline.core.bundle.LearningCurves;
import io.prodline.train.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One training run as recorded for comparison: what was trained on what, with which settings, how good it was,
 * and what it produced.
 *
 * @param id the execution id in the metadata store; 0 before it is recorded
 * @param kind {@code train}, {@code trial} (one tuner trial) or {@code tuned} (a tuner's retrained best)
 * @param group runs that belong together (a tuner's trials and its best share the tuning id); null for none
 * @param learningCurves null when the trainer reports none
 * @param gitCommit the code version ({@code git rev-parse HEAD}); null outside a git work tree
 * @param bundlePath where the bundle was written; null when the run wrote none (a trial)
 * @param createdAt when it was recorded; null before
 */
public record TrainingRun(long id, String kind, String group, String trainer, Map<String, String> params,
                          Map<String, Double> metrics, LearningCurves learningCurves, String dataPath,
                          String dataFingerprint, String gitCommit, long durationMillis, String bundlePath,
                          String bundleFingerprint, Instant createdAt) {
  public TrainingRun {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(trainer, "trainer");
    params = Map.copyOf(new LinkedHashMap<>(params));
    metrics = Map.copyOf(new LinkedHashMap<>(metrics));
  }

  /**
   * The run behind a training result, not yet recorded.
   *
   * @param bundle the bundle written from it, or null when none was (its path and fingerprint are recorded)
   * @param codeDirectory where to look for the git commit
   */
  public static TrainingRun of(TrainingResult result, String kind, String group, Path bundle, Path codeDirectory) {
    return new TrainingRun(0, kind, group, result.spec().trainer().name(), result.spec().trainer().parameters(),
        result.metrics(), result.model().learningCurves(), result.data().path(), result.data().sha256(),
        GitCommit.of(codeDirectory), result.durationMillis(),
        bundle == null ? null : bundle.toAbsolutePath().toString(),
        bundle == null ? null : BundleFingerprint.of(bundle), null);
  }
}
