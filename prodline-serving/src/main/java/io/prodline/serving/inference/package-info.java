/**
 * Runs prediction requests, whatever protocol they came by. {@link io.prodline.serving.inference.RequestRunner} is
 * the one pipeline of every protocol (TF Serving REST, Open Inference Protocol over REST and gRPC): version
 * handle, request timeout (or the client's earlier deadline), decoding on a worker, row limit, metrics.
 * {@link io.prodline.serving.inference.Inference} predicts a decoded request either at once on the calling worker or
 * through the version's dynamic batcher, or with the other requests of its version that waited for a worker as one
 * batch, then hands the answered request to the prediction log. {@link io.prodline.serving.inference.InferenceFailure}
 * tells each transport what kind of failure ended a request. Protocol code decodes and encodes; this package knows no
 * wire format.
 */
package io.prodline.serving.inference;
