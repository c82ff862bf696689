/**
 * Per-request limits beyond the body size: rows per request, NaN tokens, and the deadline after which a request
 * is answered 504 whatever its prediction is doing: the server's request timeout or, when earlier, the deadline a
 * gRPC client set. Depends on Netty's timer only.
 */
package io.prodline.serving.limits;
