package io.prodline.data.source;

/**
 * One skipped bad record.
 *
 * @param source the file (or JDBC URL) it came from
 * @param line the 1-based line in a text file (CSV, JSON lines), or the 1-based row in Parquet and JDBC results
 * @param problem what was wrong with it, as the error would have said
 */
public record BadRecord(String source, long line, String problem) {
  @Override
  public String toString() {
    return source + ":" + line + ": " + problem;
  }
}
