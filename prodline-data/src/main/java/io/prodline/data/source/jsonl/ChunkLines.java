package io.prodline.data.source.jsonl;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.text.EightBytes;
import io.prodline.data.source.chunk.Chunk;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The non-blank lines of one {@link Chunk}, in order, each as its bytes (a CR before the LF left out) or, when
 * they are not UTF-8, as the error that makes the line a bad record: invalid bytes spoil only their own line. A
 * line of plain ASCII, the usual case, needs no decoding to be known valid; any other line is decoded strictly,
 * where {@link java.io.BufferedReader} would hand out U+FFFD in place of the bad bytes. Blank is as
 * {@link String#isBlank} says.
 */
final class ChunkLines {
  private static final byte CR = '\r';

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
