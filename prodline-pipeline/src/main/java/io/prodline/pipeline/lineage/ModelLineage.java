package io.prodline.pipeline.lineage;

import io.prodline.core.error.ProdlineException;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.ModelVersion;
import io.prodline.metadata.store.Artifact;
import io.prodline.metadata.store.Event;
import io.prodline.metadata.store.EventType;
import io.prodline.metadata.store.Execution;
import io.prodline.metadata.store.LineageGraph;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.metadata.store.PropertyValue;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.run.LineageRecorder;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * Lineage questions on the metadata store, printed for a person.
 *
 * <p>Upstream, {@link #tree}: a registered model version as an indented tree: each artifact (type, location,
 * fingerprint), under it the execution that produced it (component, step, run, configuration), under that its
 * inputs, and so on down to the data files. One store query ({@link MetadataStore#upstream}) fetches the graph.
 *
 * <p>Downstream, {@link #modelsTrainedOn}: every model built from a data file, found by the file's content
 * fingerprint, so a copy of the data under another path answers the same.
 */
public final class ModelLineage {
  /** Deep enough for any pipeline written by hand. */
  static final int MAX_HOPS = 64;

  private final MetadataStore store;
  private final ModelRegistry registry;

  public ModelLineage(MetadataStore store, ModelRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** The tree for {@code model} version {@code version}; fails naming what is missing. */
  public String tree(String model, int version) {
    ModelVersion v = registry.version(model, version).orElseThrow(() -> new ProdlineException("model " + model
        + " has no version " + version + "; see prodline models list"));
    Artifact artifact = store.artifactsByFingerprint(v.bundleFingerprint()).stream()
        .filter(a -> a.type().equals(ArtifactType.MODEL.typeName())).findFirst()
        .orElseThrow(() -> new ProdlineException(model + ":" + version + " (bundle " + v.bundleFingerprint()
            + ") was not produced by a pipeline recorded in this metadata store, so it has no lineage"));
    LineageGraph graph = store.upstream(artifact.id(), MAX_HOPS);
    StringBuilder out = new StringBuilder();
    out.append(model).append(':').append(version).append("  (registered from run ").append(v.sourceRun())
        .append(", served from ").append(v.uri()).append(")\n");
    artifact(graph, artifact, "", "", out, new HashSet<>());
    return out.toString();
  }

  /**
   * Every model artifact downstream of the data file with content fingerprint {@code sha256}, one line each with
   * the registered versions made from it; fails naming the fingerprint when no pipeline read such data.
   */
  public String modelsTrainedOn(String sha256) {
    List<Artifact> data = store.artifactsByFingerprint(sha256).stream()
        .filter(a -> a.type().equals(ArtifactType.DATA_FILE)).toList();
    if (data.isEmpty()) {
      throw new ProdlineException("no pipeline recorded in this metadata store read data with sha256 " + sha256);
    }
    Map<String, Artifact> models = new TreeMap<>();
    for (Artifact file : data) {
      store.downstream(file.id(), MAX_HOPS).artifacts().stream()
          .filter(a -> a.type().equals(ArtifactType.MODEL.typeName()))
          .forEach(a -> models.putIfAbsent(a.fingerprint() + " " + a.uri(), a));
    }
    StringBuilder out = new StringBuilder();
    out.append("data sha256:").append(sha256).append(" (read as ")
        .append(data.stream().map(Artifact::uri).distinct().sorted().toList()).append(")\n");
    if (models.isEmpty()) {
      return out.append("  no model was trained on it yet\n").toString();
    }
    for (Artifact m : models.values()) {
      out.append("  -> Model ").append(m.uri()).append("  sha256:").append(m.fingerprint());
      List<String> registered = registeredAs(m.fingerprint());
      out.append(registered.isEmpty() ? "  (not registered)" : "  registered as " + String.join(", ", registered))
          .append('\n');
    }
    return out.toString();
  }

  private List<String> registeredAs(String bundleFingerprint) {
    return registry.models().stream()
        .flatMap(m -> registry.versions(m.name()).stream())
        .filter(v -> bundleFingerprint.equals(v.bundleFingerprint()))
        .map(v -> v.model() + ":" + v.version())
        .toList();
  }

  /**
   * Prints {@code a}, then the execution that first produced it (a cache hit re-records an output, the original
   * run is the one that matters) with its inputs below it.
   */
  private static void artifact(LineageGraph graph, Artifact a, String indent, String label, StringBuilder out,
      Set<Long> seen) {
    out.append(indent).append(label).append(a.type()).append(' ').append(a.uri()).append("  sha256:").append(a.fingerprint())
        .append('\n');
    if (!seen.add(a.id())) {
      return;
    }
    graph.events().stream()
        .filter(e -> e.artifactId() == a.id() && e.type() == EventType.OUTPUT)
        .flatMap(e -> graph.executions().stream().filter(x -> x.id() == e.executionId()))
        .min(Comparator.comparingLong(Execution::id))
        .ifPresent(x -> {
          out.append(indent).append("  <- ").append(x.type()).append(" step ").append(text(x, LineageRecorder.STEP))
          .append(", run ").append(text(x, LineageRecorder.RUN)).append(", ").append(x.state())
          .append(", config ").append(text(x, LineageRecorder.CONFIG)).append('\n');
      List<Event> inputs = graph.events().stream()
          .filter(e -> e.executionId() == x.id() && e.type() == EventType.INPUT)
          .sorted(Comparator.comparing(Event::key)).toList();
      for (Event e : inputs) {
        graph.artifact(e.artifactId()).ifPresent(in ->
            artifact(graph, in, indent + "     ", e.key() + ": ", out, seen));
      }
    });
  }

  private static String text(Execution x, String property) {
    PropertyValue v = x.properties().get(property);
    return v instanceof PropertyValue.StringValue s ? s.value() : "?";
  }
}
