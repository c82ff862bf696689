/**
 * The model bundle: a directory with {@code bundle.yaml} (manifest), the model file and {@code transform.json}, or
 * a bare model file alone ({@link io.prodline.core.bundle.BareModels}), from which the same bundle is synthesised.
 * The server, batch scoring and evaluation all load bundles through {@link io.prodline.core.bundle.BundleReader}.
 */
package io.prodline.core.bundle;
