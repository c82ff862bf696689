package io.prodline.data.source.jsonl;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.text.EightBytes;
import io.prodline.data.source.chunk.Chunk;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The non-blank lines of one {@link Chunk}, in order, each as its bytes (a CR before the LF left out) or, when
 * they are not UTF-8, as the error that makes the line a bad record: invalid bytes spoil only their own line. A
 * line of plain ASCII, the usual case, needs no decoding to be known valid; any other line is decoded strictly,
 * where {@link java.io.BufferedReader} would hand out U+FFFD in place of the bad bytes. A line with a NUL byte
 * (text in UTF-16 or UTF-32, which Jackson would otherwise guess and read) or starting with a byte order mark
 * other than the file's first (files appended together) is refused too. Blank is as {@link String#isBlank} says.
 */
final class ChunkLines {
  private static final byte CR = '\r';
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String NUL = "a NUL byte: is the file UTF-16 or UTF-32? Save it with UTF-8 encoding";

  private final String source;
  private final byte[] bytes;
  private final int to;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
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
      int lf = LineEnds.indexOfLf(bytes, position, to);
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
      if (isAscii(from, end)) {
        if (!isAsciiBlank(from, end)) {
          return new Line(line, bytes, from, end, null);
        }
        continue;
      }
      try {
        if (!decoder.decode(ByteBuffer.wrap(bytes, from, end - from)).toString().isBlank()) {
          return new Line(line, bytes, from, end, null);
        }
      } catch (CharacterCodingException e) {
        return new Line(line, bytes, from, end, new DataFormatException(source, line,
            "invalid UTF-8 bytes; save the file with UTF-8 encoding"));
      }
    }
    return null;
  }

  /** Why the line is not UTF-8 JSON text whatever else it holds, or null. */
  private String refusal(int from, int to) {
    if (to - from >= BYTE_ORDER_MARK.length
        && Arrays.equals(bytes, from, from + BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)) {
      return "a byte order mark starts this line, not the file: was a file appended to another? Remove it";
    }
    int i = from;
    for (; i + 8 <= to; i += 8) {
      if (EightBytes.matches(EightBytes.at(bytes, i), (byte) 0) != 0) {
        return NUL;
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == 0) {
        return NUL;
      }
    }
    return null;
  }

  private boolean isAscii(int from, int to) {
    int i = from;
    long high = 0;
    for (; i + 8 <= to; i += 8) {
      high |= EightBytes.at(bytes, i);
    }
    for (; i < to; i++) {
      high |= bytes[i];
    }
    return !EightBytes.nonAscii(high);
  }

  private boolean isAsciiBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace((char) bytes[i])) {
        return false;
      }
    }
    return true;
  }
}
