/**
 * Per-version inference statistics in the shape of Triton's statistics extension: how many requests and rows each
 * loaded version answered, and where their time went (waiting in queues, preparing inputs, running the model,
 * building outputs), kept as counts and nanosecond totals from which a client takes averages between two reads.
 * {@link io.prodline.serving.statistics.VersionStatistics} accumulates them lock-free on the hot path;
 * {@link io.prodline.serving.statistics.ModelStat} is what {@code GET /v2/models/<m>/stats} and gRPC's
 * {@code ModelStatistics} report.
 */
package io.prodline.serving.statistics;
