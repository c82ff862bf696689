/**
 * File-system helpers for writing a directory so that readers see all of it or none of it, even after a power cut:
 * flush every file, rename the finished directory into place, flush its parent
 * ({@link io.prodline.core.fs.AtomicFiles}). Bundles and pipeline outputs are both published this way.
 */
package io.prodline.core.fs;
