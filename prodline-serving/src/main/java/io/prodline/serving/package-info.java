/**
 * The prodline model server: {@link io.prodline.serving.ModelServer} serves every model of a
 * {@link io.prodline.serving.repository.ModelRepository} over TensorFlow Serving's API and the Open Inference
 * Protocol (each over REST and gRPC), following the repository's directory through the version lifecycle
 * ({@link io.prodline.serving.lifecycle}), with an optional management API ({@link io.prodline.serving.management})
 * on its own port. Every protocol predicts through {@link io.prodline.serving.inference.RequestRunner}, with dynamic
 * batching ({@link io.prodline.serving.batching}), limits, the prediction log and metrics.
 */
package io.prodline.serving;
