/**
 * ExampleValidator: the anomalies of a data set's statistics against a {@link io.prodline.data.schema.Schema},
 * each with a type from the {@link io.prodline.data.validation.AnomalyType} catalog, a severity, the feature
 * and one sentence; optionally drift from the previous span and skew from serving data, using the thresholds
 * of the schema. Documented in {@code docs/validation.md}.
 */
package io.prodline.data.validation;
