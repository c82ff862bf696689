/** Prediction from a bundle: transform then runtime, the single path every caller uses. */
package io.prodline.core.predict;
