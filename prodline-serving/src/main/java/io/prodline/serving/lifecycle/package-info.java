/**
 * The life of model versions, after TensorFlow Serving's core: a source states which versions <em>should</em> be
 * served ({@link io.prodline.serving.lifecycle.AspiredVersionsCallback}), a pure
 * {@link io.prodline.serving.lifecycle.AspiredVersionPolicy} picks the next load or unload, and the
 * {@link io.prodline.serving.lifecycle.AspiredVersionsManager} carries it out through a
 * {@link io.prodline.serving.lifecycle.Loader} and publishes an immutable
 * {@link io.prodline.serving.lifecycle.ServingSnapshot} that request threads read without locking. A
 * {@link io.prodline.serving.lifecycle.VersionHandle} keeps its version loaded until the request ends.
 *
 * <p>Generic: it knows nothing of directories, HTTP or wire formats, and must not depend on the
 * {@code repository}, {@code rest} or {@code protocol} packages.
 */
package io.prodline.serving.lifecycle;
