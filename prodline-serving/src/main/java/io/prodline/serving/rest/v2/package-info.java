/**
 * The Open Inference Protocol (KServe v2) over REST, on the same port as the TF Serving API: routing of the
 * {@code /v2} paths, the binary tensor data extension's headers, and HTTP statuses. What the endpoints do is
 * {@link io.prodline.serving.protocol.v2.V2Inference}'s, shared with the gRPC transport.
 */
package io.prodline.serving.rest.v2;
