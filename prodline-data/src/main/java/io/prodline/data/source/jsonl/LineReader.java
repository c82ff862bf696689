package io.prodline.data.source.jsonl;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.text.EightBytes;
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
 *
 * <p>The file is read a block at a time and searched for LF eight bytes at a time; a line of plain ASCII, the
 * usual case, needs no decoding to be known valid. Reading byte by byte from a
 * {@link java.io.BufferedInputStream} took a lock per byte, most of the time of a JSON-lines read.
 */
final class LineReader implements AutoCloseable {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final int BLOCK_BYTES = 1 << 16;

  private final String source;
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] block = new byte[BLOCK_BYTES];
  /** The unread bytes of {@link #block}: {@code [position, limit)}. */
  private int position;
  private int limit;
  /** The current line's bytes, when it spans more than one block. */
  private byte[] spanning = new byte[4096];
  private long number;
  private boolean atEnd;

  LineReader(String source, InputStream in) {
    this.source = source;
    this.in = in;
  }

  /** The next non-blank line, or null at the end of the file. */
  Line next() {
    while (true) {
      Line line = readLine();
      if (line != null && line.error() == null && isBlank(line.utf8())) {
        continue;
      }
      return line;
    }
  }

  /** The next line, blank or not, or null when the file has no more bytes. */
  private Line readLine() {
    int spanned = 0;
    while (true) {
      if (position == limit && !fill()) {
        return spanned == 0 ? null : decode(spanning, 0, spanned);
      }
      int lf = indexOfLf(block, position, limit);
      if (lf >= 0 && spanned == 0) {
        Line line = decode(block, position, lf);
        position = lf + 1;
        return line;
      }
      int end = lf >= 0 ? lf : limit;
      if (spanned + end - position > spanning.length) {
        spanning = Arrays.copyOf(spanning, Math.max(spanning.length * 2, spanned + end - position));
      }
      System.arraycopy(block, position, spanning, spanned, end - position);
      spanned += end - position;
      position = lf >= 0 ? lf + 1 : limit;
      if (lf >= 0) {
        return decode(spanning, 0, spanned);
      }
    }
  }

  /** Reads the next block; false at the end of the file. */
  private boolean fill() {
    if (atEnd) {
      return false;
    }
    try {
      int read = in.readNBytes(block, 0, block.length);
      position = 0;
      limit = read;
      atEnd = read < block.length;
      return read > 0;
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  private static int indexOfLf(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long marks = EightBytes.matches(EightBytes.at(bytes, i), LF);
      if (marks != 0) {
        return i + EightBytes.first(marks);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == LF) {
        return i;
      }
    }
    return -1;
  }

  /** The line of {@code bytes[from, to)}, the LF left out, without a CR before it (and, first, a byte order mark). */
  private Line decode(byte[] bytes, int from, int to) {
    number++;
    int end = to > from && bytes[to - 1] == CR ? to - 1 : to;
    int start = number == 1 && end - from >= 3 && (bytes[from] & 0xff) == 0xEF && (bytes[from + 1] & 0xff) == 0xBB
        && (bytes[from + 2] & 0xff) == 0xBF ? from + 3 : from;
    byte[] utf8 = Arrays.copyOfRange(bytes, start, end);
    if (isAscii(utf8)) {
      return new Line(number, utf8, null);
    }
    try {
      String text = decoder.decode(ByteBuffer.wrap(utf8)).toString();
      return new Line(number, text.isBlank() ? new byte[0] : utf8, null);
    } catch (CharacterCodingException e) {
      return new Line(number, null, new DataFormatException(source, number,
          "invalid UTF-8 bytes; save the file with UTF-8 encoding"));
    }
  }

  private static boolean isAscii(byte[] bytes) {
    int i = 0;
    long high = 0;
    for (; i + 8 <= bytes.length; i += 8) {
      high |= EightBytes.at(bytes, i);
    }
    for (; i < bytes.length; i++) {
      high |= bytes[i];
    }
    return !EightBytes.nonAscii(high);
  }

  /**
   * Whether the line is blank, as {@link String#isBlank} says of its text: every byte ASCII white space (a line of
   * other white space was decoded and handed on as no bytes at all).
   */
  private static boolean isBlank(byte[] utf8) {
    for (byte b : utf8) {
      if (b < 0 || !Character.isWhitespace((char) b)) {
        return false;
      }
    }
    return true;
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
