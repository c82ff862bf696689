package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Event;
import io.prodline.metadata.store.EventType;
import io.prodline.metadata.store.LineageGraph;
import io.prodline.metadata.store.MetadataException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks the event graph from one artifact, a number of hops bounded by the caller. A hop upstream follows an
 * OUTPUT event to the producing execution, then its INPUT events to the artifacts it read; downstream is the
 * mirror image.
 *
 * <p>Three statements, each reaching event only through its indexes ({@code event_by_artifact},
 * {@code event_by_execution}) with the ids the previous one found, so the cost grows with the size of the answer,
 * not of the store: the walk (a recursive CTE over (artifact, depth)), the events leading from the walk's
 * artifacts to executions, and the events leading on from the executions passed through. One statement that
 * joined the walk back to event left the join order to the planner, and both databases, unable to estimate a
 * recursive CTE's size, chose full scans of event: about 0.5 s per 5-hop query on SQLite and 1.3 s on PostgreSQL
 * with a million events (docs/benchmarks.md). {@code LineageQueryPlanTest} keeps SQLite's plans on the indexes.
 */
final class LineageQuery {
  /** Which way to walk: the event kind that leads from an artifact to an execution, and the one that leads on. */
  enum Direction {
    UPSTREAM(EventType.OUTPUT, EventType.INPUT),
    DOWNSTREAM(EventType.INPUT, EventType.OUTPUT);

    final EventType toExecution;
    final EventType toArtifact;

    Direction(EventType toExecution, EventType toArtifact) {
      this.toExecution = toExecution;
      this.toArtifact = toArtifact;
    }
  }

  static final String WALK = """
      WITH RECURSIVE walk(artifact_id, depth) AS (
        SELECT CAST(? AS BIGINT), 0
        UNION
        SELECT onward.artifact_id, walk.depth + 1
        FROM walk
        JOIN event back ON back.artifact_id = walk.artifact_id AND back.kind = ?
        JOIN event onward ON onward.execution_id = back.execution_id AND onward.kind = ?
        WHERE walk.depth < ?
      )
      SELECT artifact_id, MIN(depth) AS depth FROM walk GROUP BY artifact_id
      """;
  /** Events of one kind touching the given artifacts (an IN list of ids follows). */
  static final String BY_ARTIFACTS =
      "SELECT id, " + EventTable.COLUMNS + " FROM event WHERE kind = ? AND artifact_id IN (";
  /** Events of one kind of the given executions (an IN list of ids follows). */
  static final String BY_EXECUTIONS =
      "SELECT id, " + EventTable.COLUMNS + " FROM event WHERE kind = ? AND execution_id IN (";

  private LineageQuery() {}

  static LineageGraph walk(Connection c, long artifactId, int maxHops, Direction direction) throws SQLException {
    if (maxHops < 0) {
      throw new MetadataException("lineage of artifact " + artifactId + ": maxHops is " + maxHops
          + "; use 0 (the artifact alone) or more");
    }
    ArtifactTable.require(c, artifactId);
    Map<Long, Integer> depths = new HashMap<>();
    for (long[] row : Statements.query(c, WALK, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, artifactId,
        direction.toExecution.name(), direction.toArtifact.name(), maxHops)) {
      depths.put(row[0], (int) row[1]);
    }
    // Executions passed through: reached from an artifact that still had a hop to go.
    List<NumberedEvent> toExecutions = events(c, BY_ARTIFACTS, direction.toExecution, depths.keySet());
    Set<Long> steps = new TreeSet<>();
    for (NumberedEvent e : toExecutions) {
      if (depths.get(e.event.artifactId()) < maxHops) {
        steps.add(e.event.executionId());
      }
    }
    // The answer: every event leading on from a step, and those leading to a step from an artifact of the walk
    // (not, say, a trainer's log output when walking up from its model).
    List<NumberedEvent> answer = new ArrayList<>(events(c, BY_EXECUTIONS, direction.toArtifact, steps));
    toExecutions.stream().filter(e -> steps.contains(e.event.executionId())).forEach(answer::add);
    answer.sort(Comparator.comparingLong(NumberedEvent::id));
    List<Event> events = answer.stream().map(NumberedEvent::event).toList();
    TreeSet<Long> artifactIds = new TreeSet<>(List.of(artifactId));
    TreeSet<Long> executionIds = new TreeSet<>();
    for (Event e : events) {
      artifactIds.add(e.artifactId());
      executionIds.add(e.executionId());
    }
    return new LineageGraph(artifactId, ArtifactTable.byIds(c, artifactIds), ExecutionTable.byIds(c, executionIds),
        events);
  }

  private static List<NumberedEvent> events(Connection c, String select, EventType kind, Collection<Long> ids)
      throws SQLException {
    List<NumberedEvent> found = new ArrayList<>();
    for (List<Long> chunk : Statements.chunks(ids)) {
      Object[] params = new Object[chunk.size() + 1];
      params[0] = kind.name();
      for (int i = 0; i < chunk.size(); i++) {
        params[i + 1] = chunk.get(i);
      }
      found.addAll(Statements.query(c, select + Statements.placeholders(chunk.size()) + ")",
          rs -> new NumberedEvent(rs.getLong("id"), EventTable.map(rs)), params));
    }
    return found;
  }

  /** An event with its row id, which orders the answer as the events were written. */
  private record NumberedEvent(long id, Event event) {}
}
