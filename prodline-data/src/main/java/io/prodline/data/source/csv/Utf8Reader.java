package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, drops a leading byte order mark, and feeds every character to a {@link TextPosition}.
 *
 * <p>{@link java.io.InputStreamReader} replaces invalid bytes with U+FFFD, which would turn a damaged file into
 * silently wrong strings. Here invalid bytes are a {@link DataFormatException} naming the line they are on.
 */
final class Utf8Reader extends Reader {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final String source;
  private final InputStream in;
  private final TextPosition position;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
  private boolean endOfInput;
  private boolean atStart = true;

  Utf8Reader(String source, InputStream in, TextPosition position) {
    this.source = source;
    this.in = in;
    this.position = position;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length < 2) {
      throw new IllegalArgumentException("read at least 2 chars at a time: one code point may need two");
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      int decoded = out.position() - offset;
      if (result.isError()) {
        position.advance(buffer, offset, decoded);
        throw new DataFormatException(source, position.line(),
            "invalid UTF-8 bytes; save the file with UTF-8 encoding");
      }
      if (decoded > 0 && atStart) {
        atStart = false;
        if (buffer[offset] == BYTE_ORDER_MARK) {
          System.arraycopy(buffer, offset + 1, buffer, offset, decoded - 1);
          out.position(out.position() - 1);
          decoded--;
        }
      }
      if (decoded > 0) {
        position.advance(buffer, offset, decoded);
        return decoded;
      }
      if (endOfInput) {
        return -1;
      }
      refill();
    }
  }

  private void refill() throws IOException {
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
