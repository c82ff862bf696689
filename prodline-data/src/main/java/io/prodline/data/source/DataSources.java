package io.prodline.data.source;

import io.prodline.core.error.ProdlineException;
import io.prodline.data.source.jdbc.JdbcSource;

/**
 * Opens any location as a {@link DataSource}: a {@code jdbc:} URL with {@link SourceOptions#withQuery a query},
 * or a file, directory or glob of CSV ({@code .csv}), JSON-lines ({@code .jsonl}, {@code .ndjson},
 * {@code .json}), Parquet ({@code .parquet}) or Arrow IPC ({@code .arrow}, {@code .feather}, {@code .ipc},
 * {@code .arrows}) files, chosen by extension. See {@code docs/data-sources.md}.
 */
public final class DataSources {
  private DataSources() {}

  /** Opens a location; the source's schema is known when this returns. */
  public static DataSource open(String location, SourceOptions options) {
    if (location.startsWith("jdbc:")) {
      if (options.query() == null) {
        throw new ProdlineException(JdbcSource.withoutParameters(location)
            + ": a JDBC location needs a SQL query; give it with SourceOptions.withQuery");
      }
      return JdbcSource.open(location, options.query(), options);
    }
    return openFiles(location, options);
  }

  /** Opens a file, directory or glob, as {@link SpanFiles} resolves it, with per-span reports. */
  public static SpannedSource openFiles(String location, SourceOptions options) {
    return new SpannedSource(SpanFiles.resolve(location), options);
  }
}
