/**
 * JDBC source: {@link io.prodline.data.source.jdbc.JdbcSource} streams the rows of any SQL query in batches,
 * typed from the result's metadata; also the engine under the Parquet source.
 */
package io.prodline.data.source.jdbc;
