/**
 * The fit side of feature transforms: {@link io.prodline.train.transform.TransformSpec} (configuration, YAML or
 * Java), {@link io.prodline.train.transform.TransformAccumulator} (the analyzers' runtime state during one pass
 * over the training data, built on {@code io.prodline.data.stats} combiners, never saved) and
 * {@link io.prodline.train.transform.TransformFitter}, which produces the
 * {@link io.prodline.core.transform.FittedTransform} that training and serving both apply. Nothing here is
 * needed at serving time.
 */
package io.prodline.train.transform;
