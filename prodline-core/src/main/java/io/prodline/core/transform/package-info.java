/**
 * The apply side of feature transforms: fitted encoders stored in a bundle and the transform that turns a raw
 * {@link io.prodline.core.frame.Frame} into model input. Fitting lives in prodline-train; nothing here trains.
 */
package io.prodline.core.transform;
