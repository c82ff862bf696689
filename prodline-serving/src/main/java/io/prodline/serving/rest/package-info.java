/**
 * The HTTP side of the server: the Netty pipeline (codec, keep-alive, body-size limit), routing of TF Serving's
 * REST paths, and the hand-off of predictions from the event loop to a worker pool. Wire-format details live in
 * {@link io.prodline.serving.protocol}.
 */
package io.prodline.serving.rest;
