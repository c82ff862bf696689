/**
 * Parquet source: {@link io.prodline.data.source.parquet.ParquetSource} reads Parquet files through DuckDB's
 * built-in reader, without Hadoop.
 */
package io.prodline.data.source.parquet;
