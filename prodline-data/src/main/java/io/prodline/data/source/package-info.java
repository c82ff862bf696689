/**
 * Data sources: every format read as a stream of {@link io.prodline.core.frame.Frame} batches behind one
 * interface, {@link io.prodline.data.source.DataSource}. {@link io.prodline.data.source.DataSources#open} picks
 * the format of a location (a file, directory or glob of CSV, JSON-lines or Parquet files, each a
 * {@link io.prodline.data.source.Span}, or a {@code jdbc:} URL and query);
 * {@link io.prodline.data.source.SourceOptions} configures it and {@link io.prodline.data.source.BadRecordPolicy}
 * decides whether a bad record fails the read or is skipped and counted, never silently dropped.
 */
package io.prodline.data.source;
