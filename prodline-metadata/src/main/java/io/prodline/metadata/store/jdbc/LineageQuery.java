package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Event;
import io.prodline.metadata.store.EventType;
import io.prodline.metadata.store.LineageGraph;
import io.prodline.metadata.store.MetadataException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

/**
 * Walks the event graph from one artifact with one recursive CTE, a number of hops bounded by the caller. A hop
 * upstream follows an OUTPUT event to the producing execution, then its INPUT events to the artifacts it read;
 * downstream is the mirror image. Each step of the walk is an index lookup ({@code event_by_artifact},
 * {@code event_by_execution}), so the cost grows with the size of the answer, not of the store.
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

  // walk: every (artifact, depth) reached; step: every execution passed through. The answer's events are all
  // events leading on from a step, and those leading to it from an artifact of the walk (not, say, a trainer's
  // log output when walking up from its model).
  // CROSS JOIN fixes the join order (SQLite nests left to right; PostgreSQL treats it as an inner join): left
  // free, SQLite scanned all of event in id order to skip sorting for ORDER BY and DISTINCT, a full scan per
  // query that took hundreds of milliseconds with a million events (docs/benchmarks.md). LineageQueryPlanTest
  // keeps every access to event an index search.
  static final String SQL = """
      WITH RECURSIVE walk(artifact_id, depth) AS (
        SELECT CAST(? AS BIGINT), 0
        UNION
        SELECT onward.artifact_id, walk.depth + 1
        FROM walk
        JOIN event back ON back.artifact_id = walk.artifact_id AND back.kind = ?
        JOIN event onward ON onward.execution_id = back.execution_id AND onward.kind = ?
        WHERE walk.depth < ?
      ),
      step(execution_id) AS (
        SELECT DISTINCT back.execution_id
        FROM walk CROSS JOIN event back
        WHERE back.artifact_id = walk.artifact_id AND back.kind = ? AND walk.depth < ?
      )
      SELECT ev.artifact_id, ev.execution_id, ev.kind, ev.io_key, ev.io_index, ev.create_time
      FROM step CROSS JOIN event ev
      WHERE ev.execution_id = step.execution_id
        AND (ev.kind = ? OR ev.artifact_id IN (SELECT artifact_id FROM walk))
      ORDER BY ev.id
      """;

  private LineageQuery() {}

  static LineageGraph walk(Connection c, long artifactId, int maxHops, Direction direction) throws SQLException {
    if (maxHops < 0) {
      throw new MetadataException("lineage of artifact " + artifactId + ": maxHops is " + maxHops
          + "; use 0 (the artifact alone) or more");
    }
    ArtifactTable.require(c, artifactId);
    List<Event> events = Statements.query(c, SQL, EventTable::map, artifactId, direction.toExecution.name(),
        direction.toArtifact.name(), maxHops, direction.toExecution.name(), maxHops, direction.toArtifact.name());
    TreeSet<Long> artifactIds = new TreeSet<>(List.of(artifactId));
    TreeSet<Long> executionIds = new TreeSet<>();
    for (Event e : events) {
      artifactIds.add(e.artifactId());
      executionIds.add(e.executionId());
    }
    return new LineageGraph(artifactId, ArtifactTable.byIds(c, artifactIds), ExecutionTable.byIds(c, executionIds),
        events);
  }
}
