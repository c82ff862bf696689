package io.prodline.data.source;

import io.prodline.core.frame.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers for every source: write a file, and view a frame as rows of boxed values for exact comparison. */
public final class Rows {
  private Rows() {}

  public static Path write(Path dir, String name, String text) {
    return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Path write(Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir.resolve(name).getParent());
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a frame, each a list of {@link io.prodline.core.frame.Column#get} values (null for missing). */
  public static List<List<Object>> of(Frame frame) {
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

  public static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
