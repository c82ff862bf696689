package io.prodline.metadata.store;

import java.util.List;
import java.util.Optional;

/**
 * The part of the lineage graph reached from one artifact: the artifacts (the start included), the executions
 * between them and the events that join them. Lists are ordered by id, so older entities come first.
 */
public record LineageGraph(long startArtifactId, List<Artifact> artifacts, List<Execution> executions,
    List<Event> events) {
  public LineageGraph {
    artifacts = List.copyOf(artifacts);
    executions = List.copyOf(executions);
    events = List.copyOf(events);
  }

  public Optional<Artifact> artifact(long id) {
    return artifacts.stream().filter(a -> a.id() == id).findFirst();
  }
}
