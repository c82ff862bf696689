package io.prodline.metadata.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of every artifact and execution, and the lineage between them.
 *
 * <p>Each call is one transaction: it is stored whole or not at all. Entities are written once and only their
 * state moves afterwards ({@link #updateArtifactState}, {@link #updateExecutionState}); what an execution read and
 * wrote is never rewritten, so lineage stays true. Implementations are safe for use by many threads.
 */
public interface MetadataStore {

  /**
   * Defines a type, or returns the stored one. Redefining adds new properties; changing the value type of an
   * existing property is a {@link MetadataConflictException}, because stored values would no longer fit.
   */
  MetadataType putType(TypeKind kind, String name, Map<String, PropertyType> properties);

  Optional<MetadataType> type(TypeKind kind, String name);

  Artifact putArtifact(ArtifactSpec spec);

  Optional<Artifact> artifact(long id);

  /** Artifacts whose content has this SHA-256, oldest first: identical data wherever it lives. */
  List<Artifact> artifactsByFingerprint(String fingerprint);

  Artifact updateArtifactState(long id, ArtifactState state);

  Execution putExecution(ExecutionSpec spec);

  Optional<Execution> execution(long id);

  /** Moves an execution along its lifecycle; an illegal move (see {@link ExecutionState}) fails naming both states. */
  Execution updateExecutionState(long id, ExecutionState state);

  /**
   * The newest COMPLETE execution with this cache key, the one whose outputs a cache hit reuses. An indexed query:
   * its cost does not grow with the number of past executions.
   */
  Optional<Execution> latestCompleteExecution(String cacheKey);

  /** Creates a context; a context of the same type and name is a {@link MetadataConflictException}. */
  Context putContext(ContextSpec spec);

  Optional<Context> context(long id);

  Optional<Context> context(String type, String name);

  /** Adds an artifact to a context; adding it twice is a no-op. */
  void putAttribution(Attribution attribution);

  /** Adds an execution to a context; adding it twice is a no-op. */
  void putAssociation(Association association);

  List<Artifact> artifactsInContext(long contextId);

  List<Execution> executionsInContext(long contextId);

  /**
   * For each of {@code values}, the newest execution in the context whose string property {@code property} has
   * that value: a pipeline's last execution of each step. One indexed lookup per value, reading from the newest
   * execution back, so its cost does not grow with the executions already recorded. Values never seen are absent.
   */
  Map<String, Execution> latestExecutionsInContext(long contextId, String property, Collection<String> values);

  List<Context> contextsOfArtifact(long artifactId);

  List<Context> contextsOfExecution(long executionId);

  /** Events that read or wrote this artifact, oldest first. */
  List<Event> eventsByArtifact(long artifactId);

  /** Events of this execution, oldest first. */
  List<Event> eventsByExecution(long executionId);

  /**
   * Takes or renews the lease on {@code cacheKey} for {@code owner} until {@code ttl} from now: true when
   * {@code owner} holds it afterwards, false while another owner's lease is still running. A lapsed lease (its
   * holder died without releasing it) is taken over. Processes sharing a store use this so that two identical
   * executions at once run only once.
   */
  boolean leaseCacheKey(String cacheKey, String owner, java.time.Duration ttl);

  /** Gives up {@code owner}'s lease on {@code cacheKey}; a no-op when it holds none. */
  void releaseCacheKey(String cacheKey, String owner);

  /** Writes an execution with its artifacts, events, associations and attributions in one transaction. */
  RecordedExecution recordExecution(ExecutionRecord record);

  /**
   * What this artifact came from, up to {@code maxHops} executions back: each hop goes from an artifact to the
   * execution that produced it, then to that execution's inputs.
   */
  LineageGraph upstream(long artifactId, int maxHops);

  /**
   * What was made from this artifact, up to {@code maxHops} executions forward: each hop goes from an artifact to
   * the executions that read it, then to their outputs.
   */
  LineageGraph downstream(long artifactId, int maxHops);
}
