/**
 * Per-request limits beyond the body size: rows per request, NaN tokens, and the deadline after which a request
 * is answered 504 whatever its prediction is doing. Depends on Netty's timer only.
 */
package io.prodline.serving.limits;
