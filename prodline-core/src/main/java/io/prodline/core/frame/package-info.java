/**
 * {@link io.prodline.core.frame.Frame}, the immutable columnar batch every module speaks, and its typed
 * columns (float64, int64, bool, dictionary-encoded string, each with a null mask). Depends on nothing.
 */
package io.prodline.core.frame;
