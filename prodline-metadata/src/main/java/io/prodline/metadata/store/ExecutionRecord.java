package io.prodline.metadata.store;

import java.util.List;
import java.util.Objects;

/**
 * Everything one step run leaves behind, written by {@link MetadataStore#recordExecution} in one transaction: the
 * execution, its inputs and outputs (each becomes an event; new artifacts are created), and the contexts it and
 * its artifacts belong to (each becomes an association and attributions).
 */
public record ExecutionRecord(ExecutionSpec execution, List<ArtifactBinding> inputs, List<ArtifactBinding> outputs,
    List<ContextRef> contexts) {
  public ExecutionRecord {
    Objects.requireNonNull(execution, "execution");
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    contexts = contexts == null ? List.of() : List.copyOf(contexts);
  }
}
