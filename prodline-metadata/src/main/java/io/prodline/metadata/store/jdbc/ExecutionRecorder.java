package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Artifact;
import io.prodline.metadata.store.ArtifactBinding;
import io.prodline.metadata.store.ArtifactRef;
import io.prodline.metadata.store.Context;
import io.prodline.metadata.store.ContextRef;
import io.prodline.metadata.store.Event;
import io.prodline.metadata.store.EventType;
import io.prodline.metadata.store.Execution;
import io.prodline.metadata.store.ExecutionRecord;
import io.prodline.metadata.store.RecordedExecution;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one {@link ExecutionRecord} on a connection already inside a transaction: the execution, then its
 * contexts (with associations), then each input and output artifact (created when new) with its event and its
 * attributions to every context. Any failure leaves the caller to roll all of it back.
 */
final class ExecutionRecorder {
  private final Connection c;
  private final long now;
  private final List<Event> events = new ArrayList<>();

  private ExecutionRecorder(Connection c, long now) {
    this.c = c;
    this.now = now;
  }

  static RecordedExecution record(Connection c, ExecutionRecord record, long now) throws SQLException {
    return new ExecutionRecorder(c, now).record(record);
  }

  private RecordedExecution record(ExecutionRecord record) throws SQLException {
    Execution execution = ExecutionTable.insert(c, record.execution(), now);
    List<Context> contexts = new ArrayList<>();
    for (ContextRef ref : record.contexts()) {
      Context context = ref instanceof ContextRef.Existing existing
          ? ContextTable.require(c, existing.id())
          : ContextTable.insert(c, ((ContextRef.New) ref).spec(), now);
      EventTable.associate(c, execution.id(), context.id());
      contexts.add(context);
    }
    List<Artifact> inputs = bind(execution, record.inputs(), EventType.INPUT, contexts);
    List<Artifact> outputs = bind(execution, record.outputs(), EventType.OUTPUT, contexts);
    return new RecordedExecution(execution, inputs, outputs, contexts, events);
  }

  private List<Artifact> bind(Execution execution, List<ArtifactBinding> bindings, EventType type,
      List<Context> contexts) throws SQLException {
    List<Artifact> artifacts = new ArrayList<>();
    for (ArtifactBinding binding : bindings) {
      Artifact artifact = binding.artifact() instanceof ArtifactRef.Existing existing
          ? ArtifactTable.require(c, existing.id())
          : ArtifactTable.insert(c, ((ArtifactRef.New) binding.artifact()).spec(), now);
      events.add(EventTable.insert(c, artifact.id(), execution.id(), type, binding.key(), binding.index(), now));
      for (Context context : contexts) {
        EventTable.attribute(c, artifact.id(), context.id());
      }
      artifacts.add(artifact);
    }
    return artifacts;
  }
}
