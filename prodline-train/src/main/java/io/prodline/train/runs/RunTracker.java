package io.prodline.train.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.LearningCurves;
import io.prodline.metadata.store.ArtifactBinding;
import io.prodline.metadata.store.ArtifactRef;
import io.prodline.metadata.store.ArtifactSpec;
import io.prodline.metadata.store.Context;
import io.prodline.metadata.store.ContextRef;
import io.prodline.metadata.store.ContextSpec;
import io.prodline.metadata.store.Execution;
import io.prodline.metadata.store.ExecutionRecord;
import io.prodline.metadata.store.ExecutionSpec;
import io.prodline.metadata.store.ExecutionState;
import io.prodline.metadata.store.MetadataConflictException;
import io.prodline.metadata.store.MetadataNotFoundException;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.PropertyValue;
import io.prodline.metadata.store.TypeKind;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records training runs in the metadata store and reads them back, so runs live in the one store the pipeline
 * uses, with lineage: a run is an execution of type {@value #RUN_TYPE} in an {@value #EXPERIMENT_TYPE} context,
 * reading a {@code Dataset} artifact and, when it wrote a bundle, producing a {@code Model} artifact. Parameters,
 * metrics and learning curves are JSON text properties, so a run is read back whole in one query. Thread-safe.
 */
public final class RunTracker {
  public static final String RUN_TYPE = "TrainingRun";
  public static final String EXPERIMENT_TYPE = "experiment";
  static final String DATASET_TYPE = "Dataset";
  static final String MODEL_TYPE = "Model";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, PropertyType> RUN_PROPERTIES = Map.ofEntries(
      Map.entry("kind", PropertyType.STRING), Map.entry("group", PropertyType.STRING),
      Map.entry("trainer", PropertyType.STRING), Map.entry("params", PropertyType.STRING),
      Map.entry("metrics", PropertyType.STRING), Map.entry("learning_curves", PropertyType.STRING),
      Map.entry("data_path", PropertyType.STRING), Map.entry("data_fingerprint", PropertyType.STRING),
      Map.entry("git_commit", PropertyType.STRING), Map.entry("duration_ms", PropertyType.INT),
      Map.entry("bundle_path", PropertyType.STRING), Map.entry("bundle_fingerprint", PropertyType.STRING));

  private final MetadataStore store;
  private final long experimentId;

  /** Tracks runs in the named experiment, creating the types and the experiment on first use. */
  public RunTracker(MetadataStore store, String experiment) {
    this.store = store;
    store.putType(TypeKind.EXECUTION, RUN_TYPE, RUN_PROPERTIES);
    store.putType(TypeKind.CONTEXT, EXPERIMENT_TYPE, Map.of());
    store.putType(TypeKind.ARTIFACT, DATASET_TYPE, Map.of());
    store.putType(TypeKind.ARTIFACT, MODEL_TYPE, Map.of());
    this.experimentId = experiment(store, experiment).id();
  }

  private static Context experiment(MetadataStore store, String name) {
    return store.context(EXPERIMENT_TYPE, name).orElseGet(() -> {
      try {
        return store.putContext(ContextSpec.of(EXPERIMENT_TYPE, name));
      } catch (MetadataConflictException e) { // another process created it meanwhile
        return store.context(EXPERIMENT_TYPE, name).orElseThrow(() -> e);
      }
    });
  }

  /** Stores a finished run and returns it with its id and time. */
  public TrainingRun record(TrainingRun run) {
    Map<String, PropertyValue> p = new HashMap<>();
    p.put("kind", PropertyValue.of(run.kind()));
    p.put("trainer", PropertyValue.of(run.trainer()));
    p.put("params", PropertyValue.of(json(run.params())));
    p.put("metrics", PropertyValue.of(json(run.metrics())));
    p.put("duration_ms", PropertyValue.of(run.durationMillis()));
    putIfPresent(p, "group", run.group());
    putIfPresent(p, "learning_curves", run.learningCurves() == null ? null : json(run.learningCurves()));
    putIfPresent(p, "data_path", run.dataPath());
    putIfPresent(p, "data_fingerprint", run.dataFingerprint());
    putIfPresent(p, "git_commit", run.gitCommit());
    putIfPresent(p, "bundle_path", run.bundlePath());
    putIfPresent(p, "bundle_fingerprint", run.bundleFingerprint());
    List<ArtifactBinding> inputs = new ArrayList<>();
    if (run.dataPath() != null) {
      inputs.add(ArtifactBinding.of("data", ArtifactRef.create(ArtifactSpec.live(DATASET_TYPE, run.dataPath(),
          sha256OrNull(run.dataFingerprint())))));
    }
    List<ArtifactBinding> outputs = new ArrayList<>();
    if (run.bundlePath() != null) {
      outputs.add(ArtifactBinding.of("model", ArtifactRef.create(ArtifactSpec.live(MODEL_TYPE, run.bundlePath(),
          sha256OrNull(run.bundleFingerprint())))));
    }
    Execution stored = store.recordExecution(new ExecutionRecord(
        new ExecutionSpec(RUN_TYPE, ExecutionState.COMPLETE, null, p), inputs, outputs,
        List.of(ContextRef.existing(experimentId)))).execution();
    return read(stored);
  }

  /** The experiment's runs, oldest first. */
  public List<TrainingRun> list() {
    return store.executionsInContext(experimentId).stream().filter(e -> e.type().equals(RUN_TYPE))
        .map(RunTracker::read).toList();
  }

  /** The run with this id, in any experiment. */
  public TrainingRun get(long id) {
    Execution e = store.execution(id).filter(x -> x.type().equals(RUN_TYPE))
        .orElseThrow(() -> new MetadataNotFoundException("there is no training run " + id
            + "; 'prodline runs list' shows the runs"));
    return read(e);
  }

  private static TrainingRun read(Execution e) {
    Map<String, PropertyValue> p = e.properties();
    return new TrainingRun(e.id(), text(p, "kind"), text(p, "group"), text(p, "trainer"),
        parse(text(p, "params"), new TypeReference<Map<String, String>>() {}),
        parse(text(p, "metrics"), new TypeReference<Map<String, Double>>() {}),
        p.containsKey("learning_curves") ? parse(text(p, "learning_curves"), new TypeReference<LearningCurves>() {})
            : null,
        text(p, "data_path"), text(p, "data_fingerprint"), text(p, "git_commit"),
        ((PropertyValue.IntValue) p.get("duration_ms")).value(), text(p, "bundle_path"),
        text(p, "bundle_fingerprint"), e.createTime());
  }

  private static void putIfPresent(Map<String, PropertyValue> p, String key, String value) {
    if (value != null) {
      p.put(key, PropertyValue.of(value));
    }
  }

  private static String text(Map<String, PropertyValue> p, String key) {
    PropertyValue v = p.get(key);
    return v == null ? null : ((PropertyValue.StringValue) v).value();
  }

  private static String sha256OrNull(String fingerprint) {
    return fingerprint != null && fingerprint.matches("[0-9a-f]{64}") ? fingerprint : null;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T parse(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a recorded run holds unreadable JSON: " + json, e);
    }
  }
}
