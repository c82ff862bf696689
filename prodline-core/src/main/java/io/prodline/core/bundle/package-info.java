/**
 * The model bundle: a directory with {@code bundle.yaml} (manifest), the model file and {@code transform.json}.
 * The server, batch scoring and evaluation all load the same bundle through {@link io.prodline.core.bundle.BundleReader}.
 */
package io.prodline.core.bundle;
