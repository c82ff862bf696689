/**
 * The prodline model server: {@link io.prodline.serving.ModelServer} serves every model of a
 * {@link io.prodline.serving.repository.ModelRepository} over TensorFlow Serving's REST API, following the
 * repository's directory through the version lifecycle ({@link io.prodline.serving.lifecycle}), with an optional
 * management API ({@link io.prodline.serving.management}) on its own port.
 */
package io.prodline.serving;
