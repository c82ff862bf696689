package io.prodline.pipeline.components;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of rows as a source returned them: the column names and types, then every cell's text, each
 * prefixed by its length (null as -1), row by row. Two reads of the same rows in the same order agree; any change
 * of a value, a type, a column or the order differs. Used for data that is not a file (a SQL query's result).
 */
final class RowsFingerprint {
  private final MessageDigest digest;

  RowsFingerprint(List<Field> schema) {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Field f : schema) {
      text(f.name());
      text(f.type().toString());
    }
  }

  void add(Frame batch) {
    for (int row = 0; row < batch.rowCount(); row++) {
      for (int c = 0; c < batch.columnCount(); c++) {
        Column column = batch.column(c);
        Object v = column.isNull(row) ? null : column.get(row);
        text(v == null ? null : v.toString());
      }
    }
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void text(String s) {
    if (s == null) {
      digest.update(new byte[] {-1, -1, -1, -1});
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    digest.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
        (byte) b.length});
    digest.update(b);
  }
}
