package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Says where and how a request body is not JSON, in a client's words: the parser's own messages name its
 * settings and internals ({@code start marker}, {@code REDACTED}, {@code JsonReadFeature}), which tell a client
 * nothing. Every answer is {@code malformed JSON at line L, column C: <what is there>}.
 */
public final class MalformedJson {
  private static final int MAX_WORD = 20;

  private MalformedJson() {}

  /** The answer to {@code e}, thrown while {@code body} was parsed. */
  public static BadRequestException of(JsonProcessingException e, byte[] body) {
    return at(e.getLocation(), problem(e, body));
  }

  /**
   * The first {@code length} bytes of {@code body} read as one JSON tree by {@code mapper}, or {@code null} when
   * they hold none; a body that is not JSON is answered as {@link #of} and {@link #unreadable} word it.
   */
  public static JsonNode readTree(ObjectMapper mapper, byte[] body, int length) {
    try {
      return mapper.readTree(body, 0, length);
    } catch (JsonProcessingException e) {
      throw of(e, body);
    } catch (IOException e) {
      throw unreadable(e); // e.g. bytes Jackson takes for UTF-32 but are not
    }
  }

  private static final String TRAILING = "the body goes on after its JSON value ends; send one JSON value";

  /** The answer to a body that goes on after its JSON value, whose first extra token is at {@code extra}. */
  public static BadRequestException trailing(JsonLocation extra) {
    return at(extra, TRAILING);
  }

  /**
   * The answer to a body that cannot even be read as text, such as bytes that fit no JSON encoding; the reader's
   * message, which says which bytes, is all there is to go on.
   */
  public static BadRequestException unreadable(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return new BadRequestException("the request body cannot be read as JSON text: " + message);
  }

  private static BadRequestException at(JsonLocation location, String problem) {
    String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return new BadRequestException("malformed JSON" + where + ": " + problem);
  }

  private static String problem(JsonProcessingException e, byte[] body) {
    if (e instanceof JsonEOFException eof) {
      return unfinished(eof);
    }
    if (e instanceof StreamConstraintsException) {
      return "the JSON is nested too deeply, or holds a number or string too long, to be read";
    }
    if (e instanceof MismatchedInputException) {
      // The only mismatch a tree read raises: FAIL_ON_TRAILING_TOKENS.
      return TRAILING;
    }
    // The parser has no exception type of its own for a repeated key, only this message.
    if (e.getOriginalMessage().startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
      return "key '" + parser.getParsingContext().getCurrentName() + "' appears twice in the same object";
    }
    JsonLocation at = e.getLocation();
    return "unexpected " + found(body, at == null ? -1 : at.getByteOffset());
  }

  /** The body ended early: says what it left open, and where that opened. */
  private static String unfinished(JsonEOFException e) {
    if (e.getTokenBeingDecoded() == JsonToken.VALUE_STRING || e.getTokenBeingDecoded() == JsonToken.FIELD_NAME) {
      return "the body ends inside a string";
    }
    JsonParser parser = e.getProcessor();
    if (parser != null) {
      JsonStreamContext open = parser.getParsingContext();
      if (open.inArray() || open.inObject()) {
        JsonLocation start = open.startLocation(ContentReference.unknown());
        return "the body ends before the " + (open.inArray() ? "array" : "object")
            + (start == null ? "" : " that opens at line " + start.getLineNr() + ", column " + start.getColumnNr())
            + " is closed";
      }
    }
    return "the body ends before its JSON value is complete";
  }

  /** What the body holds at {@code offset}, as a person would name it after "unexpected". */
  private static String found(byte[] body, long offset) {
    if (offset < 0 || offset >= body.length) {
      return "end of the body";
    }
    int at = (int) offset;
    int b = body[at] & 0xff;
    if (b == '\n' || b == '\r') {
      return "line break";
    }
    if (b < 0x20 || b == 0x7f) {
      return String.format("control character 0x%02X", b);
    }
    if (Character.isLetterOrDigit(b) && b < 0x80) {
      int end = at;
      while (end < body.length && end - at < MAX_WORD && body[end] > 0 && Character.isLetterOrDigit(body[end])) {
        end++;
      }
      return "'" + new String(body, at, end - at, StandardCharsets.US_ASCII) + "'";
    }
    if (b < 0x80) {
      return "'" + (char) b + "'";
    }
    // The parser may stop inside a multi-byte character: its first byte is the one that is not 10xxxxxx.
    int start = at;
    while (start > 0 && at - start < 3 && (body[start] & 0xc0) == 0x80) {
      start--;
    }
    String text = new String(body, start, Math.min(4, body.length - start), StandardCharsets.UTF_8);
    return text.charAt(0) == '\uFFFD' ? String.format("byte 0x%02X, which is not UTF-8 text", b)
        : "'" + new String(Character.toChars(text.codePointAt(0))) + "'";
  }
}
