/**
 * The prodline model server: {@link io.prodline.serving.ModelServer} serves every model of a
 * {@link io.prodline.serving.repository.ModelRepository} over TensorFlow Serving's REST API.
 */
package io.prodline.serving;
