/**
 * Batch prediction as a library: stream any {@link io.prodline.data.source.DataSource} through a
 * {@link io.prodline.core.predict.Predictor} on a pool of threads and write the predictions, in input order, to a
 * CSV or JSON-lines file that appears only when complete. {@code prodline predict} is its command line.
 *
 * <p>It lives in prodline-app, not prodline-data, because it is where data and models meet: prodline-data reads
 * data and knows nothing of models, prodline-core predicts and knows nothing of files, and the serving module
 * answers requests; only the application depends on both sides.
 */
package io.prodline.app.batch;
