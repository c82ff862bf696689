/**
 * SchemaGen: what a data set must look like. A {@link io.prodline.data.schema.Schema} lists features (type,
 * kind, presence, domain or range, NaN/infinity policy, environments, drift and skew thresholds); {@link
 * io.prodline.data.schema.SchemaInference} proposes one from statistics, and {@link
 * io.prodline.data.schema.SchemaYaml} reads and writes the YAML that people edit and version. Field names and
 * their meaning are in {@code docs/validation.md}.
 */
package io.prodline.data.schema;
