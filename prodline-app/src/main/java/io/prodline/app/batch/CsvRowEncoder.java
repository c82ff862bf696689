package io.prodline.app.batch;

import io.prodline.core.text.ShortestDecimal;
import java.util.List;

/**
 * RFC 4180 CSV: a header line, then one line per row; a missing input value is an empty cell, and a text cell is
 * quoted only when it holds a comma, quote or line break, or is empty ("" is empty text, an empty cell a missing
 * value). Numbers are the shortest text that reads back as the
 * same value ({@link ShortestDecimal}, as the server answers), so reading a prediction back gives the exact float
 * the model returned.
 */
final class CsvRowEncoder implements RowEncoder {
  private final String header;

  CsvRowEncoder(List<String> columns) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        line.append(',');
      }
      appendText(line, columns.get(c));
    }
    this.header = line.append('\n').toString();
  }

  @Override
  public String header() {
    return header;
  }

  @Override
  public void beginRow(StringBuilder out) {}

  @Override
  public void missing(StringBuilder out, int column) {
    separate(out, column);
  }

  /** Numbers and booleans never hold a character that needs quoting. */
  @Override
  public void number(StringBuilder out, int column, double value) {
    separate(out, column);
    out.append(ShortestDecimal.of(value));
  }

  @Override
  public void number(StringBuilder out, int column, float value) {
    separate(out, column);
    out.append(ShortestDecimal.of(value));
  }

  @Override
  public void integer(StringBuilder out, int column, long value) {
    separate(out, column);
    out.append(value);
  }

  @Override
  public void bool(StringBuilder out, int column, boolean value) {
    separate(out, column);
    out.append(value);
  }

  @Override
  public void text(StringBuilder out, int column, String value) {
    separate(out, column);
    appendText(out, value);
  }

  @Override
  public void endRow(StringBuilder out) {
    out.append('\n');
  }

  private static void separate(StringBuilder out, int column) {
    if (column > 0) {
      out.append(',');
    }
  }

  private static void appendText(StringBuilder out, String text) {
    boolean quote = text.isEmpty(); // "" is empty text; an empty cell is a missing value
    for (int i = 0; i < text.length() && !quote; i++) {
      char ch = text.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      out.append(text);
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        out.append('"');
      }
      out.append(ch);
    }
    out.append('"');
  }
}
