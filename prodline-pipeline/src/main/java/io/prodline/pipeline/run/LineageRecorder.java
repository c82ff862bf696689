package io.prodline.pipeline.run;

import io.prodline.metadata.store.Artifact;
import io.prodline.metadata.store.ArtifactBinding;
import io.prodline.metadata.store.ArtifactRef;
import io.prodline.metadata.store.ArtifactSpec;
import io.prodline.metadata.store.ArtifactState;
import io.prodline.metadata.store.Context;
import io.prodline.metadata.store.ContextRef;
import io.prodline.metadata.store.ContextSpec;
import io.prodline.metadata.store.Event;
import io.prodline.metadata.store.EventType;
import io.prodline.metadata.store.Execution;
import io.prodline.metadata.store.ExecutionRecord;
import io.prodline.metadata.store.ExecutionSpec;
import io.prodline.metadata.store.ExecutionState;
import io.prodline.metadata.store.MetadataConflictException;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.PropertyValue;
import io.prodline.metadata.store.RecordedExecution;
import io.prodline.metadata.store.TypeKind;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a run into the metadata store, one {@link MetadataStore#recordExecution} per step so each step's record
 * is whole or absent: the execution (type = component name) with its step, run and configuration; its inputs;
 * its outputs as new LIVE artifacts with fingerprints; and membership of the pipeline's and the run's contexts.
 */
public final class LineageRecorder {
  /** Context types: one context per pipeline name, one per run. */
  public static final String PIPELINE_CONTEXT = "pipeline";
  public static final String RUN_CONTEXT = "run";
  /** Execution properties. */
  public static final String STEP = "step";
  public static final String RUN = "run";
  public static final String CONFIG = "config";
  public static final String ERROR = "error";
  public static final String ATTEMPTS = "attempts";

  private final MetadataStore store;
  private final long pipelineContext;
  private final long runContext;

  private LineageRecorder(MetadataStore store, long pipelineContext, long runContext) {
    this.store = store;
    this.pipelineContext = pipelineContext;
    this.runContext = runContext;
  }

  /** Defines the types the pipeline's steps need and creates the run's context (and the pipeline's, once). */
  public static LineageRecorder start(MetadataStore store, Pipeline pipeline, String runId) {
    defineTypes(store, pipeline);
    Context p = store.context(PIPELINE_CONTEXT, pipeline.name()).orElseGet(() -> {
      try {
        return store.putContext(ContextSpec.of(PIPELINE_CONTEXT, pipeline.name()));
      } catch (MetadataConflictException raced) {
        return store.context(PIPELINE_CONTEXT, pipeline.name()).orElseThrow(() -> raced);
      }
    });
    Context run = store.putContext(ContextSpec.of(RUN_CONTEXT, runId));
    return new LineageRecorder(store, p.id(), run.id());
  }

  /** The store it records into. */
  MetadataStore store() {
    return store;
  }

  /** The context id of the pipeline named {@code name}, if it ever ran. */
  public static Optional<Long> pipelineContext(MetadataStore store, String name) {
    return store.context(PIPELINE_CONTEXT, name).map(Context::id);
  }

  private static void defineTypes(MetadataStore store, Pipeline pipeline) {
    store.putType(TypeKind.CONTEXT, PIPELINE_CONTEXT, Map.of());
    store.putType(TypeKind.CONTEXT, RUN_CONTEXT, Map.of());
    Map<String, PropertyType> artifactProps = Map.of(STEP, PropertyType.STRING);
    for (ArtifactType t : ArtifactType.values()) {
      store.putType(TypeKind.ARTIFACT, t.typeName(), artifactProps);
    }
    store.putType(TypeKind.ARTIFACT, ArtifactType.DATA_FILE, Map.of());
    for (Step s : pipeline.steps()) {
      store.putType(TypeKind.EXECUTION, s.component().name(), Map.of(STEP, PropertyType.STRING, RUN,
          PropertyType.STRING, CONFIG, PropertyType.STRING, ERROR, PropertyType.STRING, ATTEMPTS, PropertyType.INT));
    }
  }

  /**
   * The outputs of the newest COMPLETE execution with {@code cacheKey}, by output name, when every one of them
   * is still on disk; empty otherwise (a miss).
   */
  public Optional<Map<String, InputArtifact>> cachedOutputs(String cacheKey, Step step) {
    Optional<Execution> hit = store.latestCompleteExecution(cacheKey);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    Map<String, InputArtifact> outputs = new LinkedHashMap<>();
    for (Event e : store.eventsByExecution(hit.get().id())) {
      if (e.type() == EventType.OUTPUT) {
        Artifact a = store.artifact(e.artifactId()).orElseThrow();
        Path path = Path.of(a.uri());
        if (a.state() != ArtifactState.LIVE || !Files.exists(path)) {
          return Optional.empty();
        }
        outputs.put(e.key(), new InputArtifact(e.key(), ArtifactType.byName(a.type()).orElseThrow(), path,
            a.fingerprint(), a.id()));
      }
    }
    boolean whole = step.signature().outputs().stream().map(Port::name).allMatch(outputs::containsKey);
    return whole ? Optional.of(outputs) : Optional.empty();
  }

  /** An existing DataFile artifact for this path and content, or a new one (created with the execution). */
  public ArtifactRef dataFile(Path file, String fingerprint) {
    return dataFile(file.toAbsolutePath().normalize().toString(), fingerprint);
  }

  /** An existing DataFile artifact for this location and content, or a new one (created with the execution). */
  public ArtifactRef dataFile(String uri, String fingerprint) {
    return store.artifactsByFingerprint(fingerprint).stream()
        .filter(a -> a.type().equals(ArtifactType.DATA_FILE) && a.uri().equals(uri))
        .findFirst().<ArtifactRef>map(a -> ArtifactRef.existing(a.id()))
        .orElseGet(() -> ArtifactRef.create(ArtifactSpec.live(ArtifactType.DATA_FILE, uri, fingerprint)));
  }

  /** Records a step that ran and published {@code outputs} (name → published directory and fingerprint). */
  public RecordedExecution complete(Step step, String runId, String cacheKey, Map<String, ArtifactRef> inputs,
      Map<String, InputArtifact> outputs, int attempts) {
    List<ArtifactBinding> out = new ArrayList<>();
    outputs.forEach((name, a) -> out.add(ArtifactBinding.of(name, ArtifactRef.create(new ArtifactSpec(
        a.type().typeName(), a.path().toString(), ArtifactState.LIVE, a.fingerprint(),
        Map.of(STEP, PropertyValue.of(step.name())))))));
    return record(step, runId, ExecutionState.COMPLETE, cacheKey, inputs, out, attempts, null);
  }

  /** Records a cache hit: a CACHED execution reading the same inputs and naming the reused outputs. */
  public RecordedExecution cached(Step step, String runId, String cacheKey, Map<String, ArtifactRef> inputs,
      Map<String, InputArtifact> outputs) {
    List<ArtifactBinding> out = new ArrayList<>();
    outputs.forEach((name, a) -> out.add(ArtifactBinding.of(name, ArtifactRef.existing(a.artifactId()))));
    return record(step, runId, ExecutionState.CACHED, cacheKey, inputs, out, 0, null);
  }

  /** Records a step that failed or was cancelled, with why; it has inputs but no outputs. */
  public RecordedExecution unsuccessful(Step step, String runId, ExecutionState state, String cacheKey,
      Map<String, ArtifactRef> inputs, int attempts, String error) {
    return record(step, runId, state, cacheKey, inputs, List.of(), attempts, error);
  }

  private RecordedExecution record(Step step, String runId, ExecutionState state, String cacheKey,
      Map<String, ArtifactRef> inputs, List<ArtifactBinding> outputs, int attempts, String error) {
    Map<String, PropertyValue> props = new LinkedHashMap<>();
    props.put(STEP, PropertyValue.of(step.name()));
    props.put(RUN, PropertyValue.of(runId));
    props.put(CONFIG, PropertyValue.of(step.config().json().toString()));
    props.put(ATTEMPTS, PropertyValue.of((long) attempts));
    if (error != null) {
      props.put(ERROR, PropertyValue.of(error));
    }
    List<ArtifactBinding> in = new ArrayList<>();
    inputs.forEach((name, ref) -> in.add(ArtifactBinding.of(name, ref)));
    return store.recordExecution(new ExecutionRecord(
        new ExecutionSpec(step.component().name(), state, cacheKey, props), in, outputs,
        List.of(ContextRef.existing(pipelineContext), ContextRef.existing(runContext))));
  }
}
