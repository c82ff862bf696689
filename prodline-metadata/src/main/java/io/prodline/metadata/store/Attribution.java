package io.prodline.metadata.store;

/** An artifact belongs to a context (a run's outputs, an experiment's models). */
public record Attribution(long artifactId, long contextId) {}
