package io.prodline.data.source.csv;

import io.prodline.core.frame.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write a CSV file, and view a frame as rows of boxed values for exact comparison. */
final class CsvFiles {
  private CsvFiles() {}

  static Path write(Path dir, String name, String text) {
    return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Frame readAll(Path file, CsvOptions options) {
    try (CsvSource csv = CsvSource.open(file, options)) {
      return csv.readAll();
    }
  }

  static Frame readAll(Path file) {
    return readAll(file, CsvOptions.defaults());
  }

  /** The rows of a frame, each a list of {@link io.prodline.core.frame.Column#get} values (null for missing). */
  static List<List<Object>> rows(Frame frame) {
    List<List<Object>> rows = new ArrayList<>(frame.rowCount());
    for (int r = 0; r < frame.rowCount(); r++) {
      List<Object> row = new ArrayList<>(frame.columnCount());
      for (int c = 0; c < frame.columnCount(); c++) {
        row.add(frame.column(c).get(r));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<Object> row(Object... values) {
    return java.util.Arrays.asList(values);
  }
}
