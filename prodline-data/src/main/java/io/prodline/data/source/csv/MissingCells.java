package io.prodline.data.source.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Decides {@link CsvOptions#isMissing} for a field of a {@link RecordTokenizer} by comparing bytes, so the
 * common cells need no string: a field is missing when it is empty or its text is one of the null tokens.
 */
final class MissingCells {
  private final Set<String> tokens;
  private final byte[][] tokenBytes;

  MissingCells(Set<String> tokens) {
    this.tokens = tokens;
    this.tokenBytes = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  boolean isMissing(RecordTokenizer record, int field) {
    int from = record.start(field);
    int to = record.end(field);
    if (from == to) {
      return true;
    }
    if (tokenBytes.length == 0) {
      return false;
    }
    if (record.escaped(field)) {
      return tokens.contains(record.text(field));
    }
    byte[] bytes = record.bytes();
    for (byte[] token : tokenBytes) {
      if (Arrays.equals(token, 0, token.length, bytes, from, to)) {
        return true;
      }
    }
    return false;
  }
}
