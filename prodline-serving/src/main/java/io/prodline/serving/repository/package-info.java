/**
 * The model repository on disk, {@code ROOT/<name>/<version>/}: the source that scans it (once or every poll
 * interval) and states the wanted versions, the model config file (version policy, labels, warm-up per model),
 * the loader that turns a version directory into a warmed-up predictor, and the management actions on top.
 * The generic lifecycle it feeds lives in {@link io.prodline.serving.lifecycle}.
 */
package io.prodline.serving.repository;
