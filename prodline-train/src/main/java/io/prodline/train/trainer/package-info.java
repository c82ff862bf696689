/**
 * Trainers: the {@link io.prodline.train.trainer.Trainer} interface every trainer implements (XGBoost, an
 * external command, or a custom in-process one), the encoded data they receive and the model they return.
 */
package io.prodline.train.trainer;
