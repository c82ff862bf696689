/**
 * The TensorFlow Serving REST wire format: decoding predict bodies (rows in {@code "instances"}, columns in
 * {@code "inputs"}) and classify/regress bodies ({@code "examples"}, {@code "context"}) into a raw
 * {@link io.prodline.core.frame.Frame} typed by the bundle's inputs, and encoding predictions, results, model
 * status, metadata and errors as TF Serving clients expect them. The signature ({@code ServingSignature}) and
 * version states ({@code TfServingVersionStatus}) are TF Serving's whatever the transport, so its gRPC API
 * ({@link io.prodline.serving.grpc.tfserving}) reports the same. No sockets here, so every rule is unit-testable.
 */
package io.prodline.serving.protocol;
