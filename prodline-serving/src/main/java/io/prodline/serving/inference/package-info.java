/**
 * Runs decoded requests through a model version, whatever protocol they came by: either at once on the calling
 * worker or through the version's dynamic batcher, then hands the answered request to the prediction log.
 * Protocol code (REST v1, v2, gRPC) decodes and encodes; this package knows no wire format.
 */
package io.prodline.serving.inference;
