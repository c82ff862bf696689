/**
 * The server's Prometheus metrics: per-request latency histograms with fixed buckets (aggregatable across
 * instances, unlike summaries), batch sizes, queue depths, model load and unload events, the prediction log's
 * drops, and the JVM's own meters; and the {@code /metrics} endpoint that exposes them. Micrometer lives here
 * only; other packages report through plain interfaces such as {@link io.prodline.serving.batching.BatchObserver}.
 */
package io.prodline.serving.metrics;
