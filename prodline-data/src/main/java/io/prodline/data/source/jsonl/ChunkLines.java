package io.prodline.data.source.jsonl;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.text.EightBytes;
import io.prodline.core.text.StrictUtf8;
import io.prodline.data.source.chunk.Chunk;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The non-blank lines of one {@link Chunk}, in order, each as its bytes (a CR before the LF left out) or, when
 * they are not UTF-8, as the error that makes the line a bad record: invalid bytes spoil only their own line, where
 * {@link java.io.BufferedReader} would hand out U+FFFD in place of them. A line with a NUL byte (text in UTF-16 or
 * UTF-32, which Jackson would otherwise guess and read) or starting with a byte order mark other than the file's
 * first (files appended together) is refused too. Blank is as {@link String#isBlank} says.
 */
final class ChunkLines {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String source;
  private final byte[] bytes;
  private final int to;
  private int position;
  private long number;

  ChunkLines(String source, Chunk chunk) {
    this.source = source;
    this.bytes = chunk.bytes();
    this.to = chunk.to();
    this.position = chunk.from();
    this.number = chunk.firstLine();
  }

  /** The next non-blank line, or null after the last. */
  Line next() {
    while (position < to) {
      int lf = EightBytes.indexOf(bytes, position, to, LF);
      int from = position;
      int end = lf < 0 ? to : lf;
      position = lf < 0 ? to : lf + 1;
      long line = number++;
      if (end > from && bytes[end - 1] == CR) {
        end--;
      }
      String refused = refusal(from, end);
      if (refused != null) {
        return new Line(line, bytes, from, end, new DataFormatException(source, line, refused));
      }
      if (!isBlank(from, end)) {
        return new Line(line, bytes, from, end, null);
      }
    }
    return null;
  }

  /** Why the line cannot be UTF-8 JSON text, whatever else it holds; null when it can. */
  private String refusal(int from, int to) {
    if (to - from >= BYTE_ORDER_MARK.length
        && Arrays.equals(bytes, from, from + BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)) {
      return "a byte order mark starts this line, not the file: was a file appended to another? Remove it";
    }
    if (EightBytes.indexOf(bytes, from, to, (byte) 0) >= 0) {
      return "a NUL byte: is the file UTF-16 or UTF-32? Save it with UTF-8 encoding";
    }
    if (StrictUtf8.firstInvalid(bytes, from, to) >= 0) {
      return "invalid UTF-8 bytes; save the file with UTF-8 encoding";
    }
    return null;
  }

  /**
   * Whether the line is blank: any ASCII byte that is not white space says no at once (every JSON object has one);
   * only a line of white space and other characters is decoded to decide.
   */
  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b >= 0 && !Character.isWhitespace((char) b)) {
        return false;
      }
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
  }
}
