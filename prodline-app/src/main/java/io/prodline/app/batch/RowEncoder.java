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

  /** A value copied from the input; null when missing. */
  void inputValue(StringBuilder out, int column, Object value);

  /** A model output. */
  void number(StringBuilder out, int column, float value);

  /** A class name. */
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
    throw new IllegalArgumentException(fileName + ": cannot tell the output format; name the file .csv or .jsonl");
  }
}
