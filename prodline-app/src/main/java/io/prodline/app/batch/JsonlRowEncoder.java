package io.prodline.app.batch;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.prodline.core.text.ShortestDecimal;
import java.util.List;

/**
 * JSON lines: one object per row, keys in column order. Input values keep their JSON type (number, boolean,
 * string, null); a NaN or infinite number, which JSON cannot hold, is written as null.
 */
final class JsonlRowEncoder implements RowEncoder {
  private final String[] keys;

  JsonlRowEncoder(List<String> columns) {
    keys = new String[columns.size()];
    for (int c = 0; c < keys.length; c++) {
      keys[c] = (c == 0 ? "{\"" : ",\"") + new String(JsonStringEncoder.getInstance().quoteAsString(columns.get(c)))
          + "\":";
    }
  }

  @Override
  public String header() {
    return "";
  }

  @Override
  public void beginRow(StringBuilder out) {}

  @Override
  public void missing(StringBuilder out, int column) {
    out.append(keys[column]).append("null");
  }

  @Override
  public void number(StringBuilder out, int column, double value) {
    out.append(keys[column]);
    appendNumber(out, value);
  }

  @Override
  public void number(StringBuilder out, int column, float value) {
    out.append(keys[column]);
    appendNumber(out, value);
  }

  @Override
  public void integer(StringBuilder out, int column, long value) {
    out.append(keys[column]).append(value);
  }

  @Override
  public void bool(StringBuilder out, int column, boolean value) {
    out.append(keys[column]).append(value);
  }

  @Override
  public void text(StringBuilder out, int column, String value) {
    out.append(keys[column]);
    appendString(out, value);
  }

  @Override
  public void endRow(StringBuilder out) {
    out.append("}\n");
  }

  private static void appendNumber(StringBuilder out, double value) {
    if (Double.isFinite(value)) {
      out.append(ShortestDecimal.of(value));
    } else {
      out.append("null");
    }
  }

  private static void appendNumber(StringBuilder out, float value) {
    if (Float.isFinite(value)) {
      out.append(ShortestDecimal.of(value));
    } else {
      out.append("null");
    }
  }

  private static void appendString(StringBuilder out, String value) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, out);
    out.append('"');
  }
}
