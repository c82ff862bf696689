/**
 * Arrow record batches as frames: {@link io.prodline.data.source.arrow.ArrowIpcSource} reads Arrow IPC files
 * (Feather v2, as pandas, polars and pyarrow write them) and streams, and
 * {@link io.prodline.data.source.arrow.ArrowFrames} copies any Arrow reader's vectors into columns, for those files
 * and for DuckDB's Arrow export of Parquet.
 */
package io.prodline.data.source.arrow;
