package io.prodline.data.source.parquet;

import java.sql.SQLException;

/** Text put into DuckDB's SQL from outside (file paths, column names), quoted so that it stays one token. */
public final class DuckDbSql {
  private DuckDbSql() {}

  /** A string literal: {@code 'it''s'}. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * DuckDB's error without the SQL it quotes: its messages end with the query and a caret line ({@code LINE 1:
   * SELECT ...}), which speak of prodline's query, not of the user's file.
   */
  public static String problem(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int query = message.indexOf("\n\nLINE ");
    return (query < 0 ? message : message.substring(0, query)).strip();
  }

  /** A quoted identifier, such as a column name: {@code "a ""b"""}. */
  public static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
