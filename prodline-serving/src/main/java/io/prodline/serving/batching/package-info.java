/**
 * Dynamic batching: requests for the same model version wait briefly in a bounded queue so that their rows run
 * through the model as one call, which raises throughput for models whose cost per call dominates. Depends on
 * the core predictor and {@link io.prodline.serving.handoff}; knows nothing of HTTP or metrics libraries.
 */
package io.prodline.serving.batching;
