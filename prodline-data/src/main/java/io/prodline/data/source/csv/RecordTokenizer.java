package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.text.EightBytes;
import io.prodline.core.text.StrictUtf8;
import io.prodline.data.source.chunk.Chunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits the records of one {@link Chunk} into fields, straight from the bytes: RFC 4180 with the rules of
 * {@link BoundaryScanner}, blank lines skipped. A field is a byte range; it is decoded to text only when asked
 * ({@link #text}), so numbers are parsed without building strings.
 *
 * <p>A record holding any byte of 0x80 or above is checked to be strict UTF-8 when it is reached: invalid
 * bytes would otherwise turn into silently wrong strings (U+FFFD) or slip through numeric columns. Such a record
 * is still split reliably (every byte of an invalid sequence is 0x80 or above, never a comma, quote or line
 * break), so it is one bad record: {@link #requireValidUtf8()} throws its error for the reader's bad-record
 * policy, and its text is never decoded. Text after a closing quote leaves no field boundary to trust, so
 * {@link #next()} throws it as a {@link DataFormatException} that ends the read.
 */
final class RecordTokenizer {
  private static final byte QUOTE = '"';
  private static final byte COMMA = ',';
  private static final byte LF = '\n';
  private static final byte CR = '\r';

  private final String source;
  private final byte[] bytes;
  private final int to;
  private int pos;
  private long line;
  private boolean skipLf;

  private long recordLine;
  private int recordStart;
  private boolean ascii;
  /** The current record's invalid UTF-8, or null. */
  private DataFormatException invalidUtf8;
  private int count;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] escaped = new boolean[16];

  RecordTokenizer(String source, Chunk chunk) {
    this.source = source;
    this.bytes = chunk.bytes();
    this.pos = chunk.from();
    this.to = chunk.to();
    this.line = chunk.firstLine();
    this.skipLf = chunk.afterCr();
  }

  /** Moves to the next record, skipping blank lines; false when the chunk has no more. */
  boolean next() {
    while (pos < to && (bytes[pos] == LF || bytes[pos] == CR)) {
      if (bytes[pos] == CR || !skipLf) {
        line++;
      }
      skipLf = bytes[pos] == CR;
      pos++;
    }
    skipLf = false;
    if (pos >= to) {
      return false;
    }
    recordLine = line;
    recordStart = pos;
    // The position, field count and ASCII test live in locals while splitting (the JIT keeps them in registers)
    // and are stored back on exit.
    byte[] b = bytes;
    int end = to;
    int p = pos;
    int n = 0;
    long high = 0;
    while (true) {
      if (n == starts.length) {
        grow();
      }
      if (p < end && b[p] == QUOTE) {
        pos = p;
        high = quotedField(n++, high);
        p = pos;
      } else {
        int start = p;
        while (p + 8 <= end) {
          long word = EightBytes.at(b, p);
          long stops = EightBytes.matches(word, COMMA) | EightBytes.matches(word, LF) | EightBytes.matches(word, CR);
          high |= EightBytes.before(word, stops);
          if (stops != 0) {
            p += EightBytes.first(stops);
            break;
          }
          p += 8;
        }
        while (p < end) {
          byte c = b[p];
          if (c == COMMA || c == LF || c == CR) {
            break;
          }
          high |= c;
          p++;
        }
        starts[n] = start;
        ends[n] = p;
        escaped[n++] = false;
      }
      if (p >= end) {
        break;
      }
      byte c = b[p++];
      if (c != COMMA) {
        line++;
        if (c == CR && p < end && b[p] == LF) {
          p++;
        }
        break;
      }
    }
    pos = p;
    count = n;
    ascii = !EightBytes.nonAscii(high);
    invalidUtf8 = ascii ? null : invalidUtf8(recordStart, pos);
    return true;
  }

  /** Whether the current record is well-formed UTF-8 (always true for an ASCII record). */
  boolean validUtf8() {
    return invalidUtf8 == null;
  }

  /** Throws the current record's invalid UTF-8 error, naming its line, if it has one. */
  void requireValidUtf8() {
    if (invalidUtf8 != null) {
      throw invalidUtf8;
    }
  }

  /**
   * Reads the quoted field at {@link #pos} as field {@code n}, leaving {@link #pos} after its closing quote and
   * counting the line breaks inside it; returns {@code high}, the record's bytes so far ORed (whether they are
   * ASCII), with the field's bytes ORed in.
   */
  private long quotedField(int n, long high) {
    int start = ++pos;
    boolean quotes = false;
    while (true) {
      byte c = bytes[pos];
      if (c == QUOTE) {
        if (pos + 1 < to && bytes[pos + 1] == QUOTE) {
          quotes = true;
          pos += 2;
          continue;
        }
        break;
      }
      if (c == CR || c == LF && bytes[pos - 1] != CR) {
        line++;
      }
      high |= c;
      pos++;
    }
    starts[n] = start;
    ends[n] = pos;
    escaped[n] = quotes;
    pos++;
    if (pos < to && bytes[pos] != COMMA && bytes[pos] != LF && bytes[pos] != CR) {
      throw textAfterClosingQuote(high | bytes[pos]);
    }
    return high;
  }

  private void grow() {
    starts = Arrays.copyOf(starts, starts.length * 2);
    ends = Arrays.copyOf(ends, ends.length * 2);
    escaped = Arrays.copyOf(escaped, escaped.length * 2);
  }

  private DataFormatException textAfterClosingQuote(long high) {
    int length = StrictUtf8.sequenceLength(bytes[pos]);
    DataFormatException invalid = EightBytes.nonAscii(high)
        ? invalidUtf8(recordStart, Math.min(to, pos + length)) : null;
    if (invalid != null) {
      throw invalid;
    }
    char c = new String(bytes, pos, length, StandardCharsets.UTF_8).charAt(0);
    return new DataFormatException(source, recordLine, String.format(Locale.ROOT,
        "Unexpected character after closing quote: '%c' (0x%x); a closing quote must be followed by a comma or"
            + " the end of the line", c, (int) c));
  }

  private DataFormatException invalidUtf8(int from, int end) {
    int bad = StrictUtf8.firstInvalid(bytes, from, end);
    return bad < 0 ? null : new DataFormatException(source, recordLine + lineBreaks(recordStart, bad),
        "invalid UTF-8 bytes; save the file with UTF-8 encoding");
  }

  /** The physical line the current record starts on. */
  long line() {
    return recordLine;
  }

  /** The physical line where field {@code i} of the current record starts. */
  long lineOf(int i) {
    return recordLine + lineBreaks(recordStart, starts[i]);
  }

  private int lineBreaks(int from, int end) {
    int breaks = 0;
    for (int i = from; i < end; i++) {
      if (bytes[i] == CR || bytes[i] == LF && (i == from || bytes[i - 1] != CR)) {
        breaks++;
      }
    }
    return breaks;
  }

  int fieldCount() {
    return count;
  }

  /** The chunk's bytes; field {@code i} is {@code bytes()[start(i), end(i))}, quotes still doubled if escaped. */
  byte[] bytes() {
    return bytes;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  /** Whether field {@code i} holds doubled quotes, so its bytes are not its text. */
  boolean escaped(int i) {
    return escaped[i];
  }

  /** Whether every byte of the current record is ASCII, so a field's bytes are its characters. */
  boolean ascii() {
    return ascii;
  }

  /** The text of field {@code i}, quotes undoubled; a record that is not UTF-8 throws its error instead. */
  String text(int i) {
    requireValidUtf8();
    int start = starts[i];
    int length = ends[i] - start;
    if (escaped[i]) {
      byte[] plain = new byte[length];
      int n = 0;
      for (int j = start; j < ends[i]; j++) {
        plain[n++] = bytes[j];
        if (bytes[j] == QUOTE) {
          j++;
        }
      }
      return new String(plain, 0, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
    return new String(bytes, start, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /** The texts of all fields of the current record. */
  List<String> texts() {
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      texts.add(text(i));
    }
    return texts;
  }
}
