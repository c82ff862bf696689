/**
 * The prediction log: every answered prediction (request id, model, version, inputs, outputs, latency) handed
 * through a bounded queue to a sink on one background thread, JSON lines files by default, for monitoring. A
 * request never waits for the log and never fails because of it; when the queue is full the record is dropped
 * and counted. The record format is documented in {@code docs/serving.md}.
 */
package io.prodline.serving.predictionlog;
