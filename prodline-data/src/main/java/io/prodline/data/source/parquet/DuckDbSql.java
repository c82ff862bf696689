package io.prodline.data.source.parquet;

/** Text put into DuckDB's SQL from outside (file paths, column names), quoted so that it stays one token. */
public final class DuckDbSql {
  private DuckDbSql() {}

  /** A string literal: {@code 'it''s'}. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A quoted identifier, such as a column name: {@code "a ""b"""}. */
  public static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
