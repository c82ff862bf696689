package io.prodline.data.source.jsonl;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a file into lines on LF (dropping a CR before it) and decodes each strictly as UTF-8.
 *
 * <p>Lines are split on bytes before decoding, so invalid UTF-8 spoils only its own line: that line becomes
 * a bad record and the next line is read normally. {@link java.io.BufferedReader} would instead replace the
 * bytes with U+FFFD and hand out silently wrong strings. A byte order mark at the start is dropped; lines of
 * blanks only are skipped.
 */
final class LineReader implements AutoCloseable {
  private static final int LF = '\n';
  private static final int CR = '\r';

  private final String source;
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] bytes = new byte[4096];
  private long number;
  private boolean atEnd;

  LineReader(String source, InputStream in) {
    this.source = source;
    this.in = new BufferedInputStream(in, 1 << 16);
  }

  /** The next non-blank line, or null at the end of the file. */
  Line next() {
    while (!atEnd) {
      int length = readLine();
      if (length < 0) {
        return null;
      }
      number++;
      Line line = decode(length);
      if (line.error() != null || !line.text().isBlank()) {
        return line;
      }
    }
    return null;
  }

  /** Reads the bytes up to the next LF into {@code bytes}; the length, or -1 when the file had no more bytes. */
  private int readLine() {
    int length = 0;
    try {
      int b;
      while ((b = in.read()) >= 0 && b != LF) {
        if (length == bytes.length) {
          bytes = Arrays.copyOf(bytes, length * 2);
        }
        bytes[length++] = (byte) b;
      }
      if (b < 0) {
        atEnd = true;
        if (length == 0) {
          return -1;
        }
      }
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot read the file: " + e.getMessage(), e);
    }
    return length > 0 && bytes[length - 1] == CR ? length - 1 : length;
  }

  private Line decode(int length) {
    int start = number == 1 && length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    try {
      String text = decoder.decode(ByteBuffer.wrap(bytes, start, length - start)).toString();
      return new Line(number, text, null);
    } catch (CharacterCodingException e) {
      return new Line(number, null, new DataFormatException(source, number,
          "invalid UTF-8 bytes; save the file with UTF-8 encoding"));
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot close the file: " + e.getMessage(), e);
    }
  }
}
