package io.prodline.bench.metadata;

import io.prodline.metadata.store.ArtifactBinding;
import io.prodline.metadata.store.ArtifactRef;
import io.prodline.metadata.store.ArtifactSpec;
import io.prodline.metadata.store.ContextRef;
import io.prodline.metadata.store.ContextSpec;
import io.prodline.metadata.store.ExecutionRecord;
import io.prodline.metadata.store.ExecutionSpec;
import io.prodline.metadata.store.ExecutionState;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.PropertyValue;
import io.prodline.metadata.store.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of the metadata the benchmark records, modelled on pipeline runs: each run is a chain of
 * {@link #STEPS} executions, one per component; each step reads the main output of the step before it and
 * writes {@link #OUTPUTS} new artifacts (its main output first), and the run is a context holding them all.
 *
 * <p>Cache keys repeat across runs ({@link #DISTINCT_CONFIGS} configurations per step), as re-runs of the same
 * pipeline do, so a lookup must pick the newest of several matching executions.
 */
final class Workload {
  static final int STEPS = 10;
  static final int OUTPUTS = 10;
  static final int DISTINCT_CONFIGS = 1_000;
  private static final String[] COMPONENTS = {"ExampleGen", "StatisticsGen", "SchemaGen", "ExampleValidator",
      "Transform", "Tuner", "Trainer", "Evaluator", "InfraValidator", "Pusher"};

  private Workload() {}

  /** Defines every type the records use. */
  static void defineTypes(MetadataStore store) {
    for (String component : COMPONENTS) {
      store.putType(TypeKind.EXECUTION, component, Map.of("step", PropertyType.STRING));
      store.putType(TypeKind.ARTIFACT, artifactType(component), Map.of());
    }
    store.putType(TypeKind.CONTEXT, "PipelineRun", Map.of());
  }

  /**
   * Step {@code step} of run {@code run}: it reads {@code previousMain} (none for step 0), creates the run's
   * context at step 0 and joins it afterwards ({@code runContext}).
   */
  static ExecutionRecord step(long run, int step, Long previousMain, Long runContext) {
    String component = COMPONENTS[step];
    ExecutionSpec execution = new ExecutionSpec(component, ExecutionState.COMPLETE, cacheKey(run, step),
        Map.of("step", PropertyValue.of(component.toLowerCase())));
    List<ArtifactBinding> inputs = previousMain == null
        ? List.of()
        : List.of(ArtifactBinding.of("input", ArtifactRef.existing(previousMain)));
    List<ArtifactBinding> outputs = new ArrayList<>(OUTPUTS);
    for (int o = 0; o < OUTPUTS; o++) {
      String uri = uri(run, step, o);
      outputs.add(new ArtifactBinding("output", o, ArtifactRef.create(ArtifactSpec.live(artifactType(component),
          uri, hex((run * STEPS + step) * OUTPUTS + o)))));
    }
    ContextRef context = runContext == null
        ? ContextRef.create(ContextSpec.of("PipelineRun", "run-" + run))
        : ContextRef.existing(runContext);
    return new ExecutionRecord(execution, inputs, outputs, List.of(context));
  }

  /** Where output {@code output} of step {@code step} in run {@code run} lives; unique to it. */
  static String uri(long run, int step, int output) {
    return "/artifacts/run-" + run + "/" + COMPONENTS[step] + "/out-" + output;
  }

  /** The cache key of step {@code step} in run {@code run}: shared by every run with the same configuration. */
  static String cacheKey(long run, int step) {
    return hex(1_000_000_007L * (run % DISTINCT_CONFIGS) + step);
  }

  private static String artifactType(String component) {
    return component + "Output";
  }

  /** A 64-character lower-case hex string unique to {@code n}, shaped like a SHA-256. */
  private static String hex(long n) {
    String h = String.format("%016x", n * 0x9E3779B97F4A7C15L);
    return h + h + h + h;
  }
}
