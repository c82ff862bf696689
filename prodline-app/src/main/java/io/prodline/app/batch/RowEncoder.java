package io.prodline.app.batch;

import java.util.List;

/**
 * Writes rows of output cells as text in one file format. {@link OutputColumns} decides which cells a row has;
 * an encoder only decides how they look, so CSV and JSON lines hold the same values. Encoders are stateless (they
 * append to the {@link StringBuilder} they are given), so all worker threads share one.
 */
interface RowEncoder {
  /** The text that starts the file (a CSV header line; nothing for JSON lines). */
  String header();

  void beginRow(StringBuilder out);

  /** A missing input value. */
  void missing(StringBuilder out, int column);

  /** A float64 input value. */
  void number(StringBuilder out, int column, double value);

  /** A model output. */
  void number(StringBuilder out, int column, float value);

  /** An int64 input value. */
  void integer(StringBuilder out, int column, long value);

  /** A bool input value. */
  void bool(StringBuilder out, int column, boolean value);

  /** A string input value or a class name. */
  void text(StringBuilder out, int column, String value);

  void endRow(StringBuilder out);

  /** The encoder for a file, chosen by its extension. */
  static RowEncoder forFile(String fileName, List<String> columns) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return new CsvRowEncoder(columns);
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return new JsonlRowEncoder(columns);
    }
    throw new IllegalArgumentException(fileName + ": cannot tell the output format; name the file .csv, .jsonl, "
        + ".parquet or .arrow");
  }
}
