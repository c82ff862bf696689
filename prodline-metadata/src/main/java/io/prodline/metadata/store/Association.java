package io.prodline.metadata.store;

/** An execution belongs to a context (the steps of a run, the runs of a pipeline). */
public record Association(long executionId, long contextId) {}
