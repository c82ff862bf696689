package io.prodline.metadata.store;

import java.util.List;

/** What {@link MetadataStore#recordExecution} stored, with ids: inputs and outputs in the order they were given. */
public record RecordedExecution(Execution execution, List<Artifact> inputs, List<Artifact> outputs,
    List<Context> contexts, List<Event> events) {
  public RecordedExecution {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    contexts = List.copyOf(contexts);
    events = List.copyOf(events);
  }
}
