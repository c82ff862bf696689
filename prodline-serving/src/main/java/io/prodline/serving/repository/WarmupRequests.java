package io.prodline.serving.repository;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Json;
import io.prodline.serving.protocol.MalformedJson;
import io.prodline.serving.protocol.Utf8Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the warm-up request bodies of a JSON warm-up file, in the order they run. The file is one of:
 * <ul>
 *   <li>{@value #JSON}: one TF Serving predict body, or a JSON array of them;</li>
 *   <li>{@value #JSON_LINES}: one predict body per line; blank lines are skipped.</li>
 * </ul>
 * Each body is kept as its own bytes, not re-encoded, so it decodes exactly as the same body sent to the live API.
 */
final class WarmupRequests {
  static final String JSON = "warmup.json";
  static final String JSON_LINES = "warmup.jsonl";

  /**
   * One warm-up body.
   *
   * @param source where it comes from, for messages: the file, and the body's place in it when it holds several
   */
  record Request(String source, byte[] body) {}

  private WarmupRequests() {}

  /** The bodies in {@code file}, a {@value #JSON} or a {@value #JSON_LINES} file; at least one. */
  static List<Request> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ProdlineException("cannot read warm-up requests " + file + ": " + e.getMessage(), e);
    }
    List<Request> requests = file.endsWith(JSON_LINES) ? ofLines(file, bytes) : ofJson(file, bytes);
    if (requests.isEmpty()) {
      throw new ProdlineException(file + " holds no request; give at least one predict body or remove the file");
    }
    return requests;
  }

  /** The body that is the whole file, or each element of the array that is. */
  private static List<Request> ofJson(Path file, byte[] bytes) {
    try {
      Utf8Json.require(bytes, bytes.length);
    } catch (BadRequestException e) {
      throw new ProdlineException(file + ": " + e.getMessage(), e);
    }
    try (JsonParser parser = Json.REQUESTS.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        // One body: the decoder reports whatever is wrong with it, as it would for a live request.
        return List.of(new Request(file.toString(), bytes));
      }
      List<Request> requests = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        String source = file + " request " + (requests.size() + 1);
        if (t != JsonToken.START_OBJECT) {
          throw new ProdlineException(source + " is not a JSON object; each element of the array must be a "
              + "predict body such as {\"instances\": [...]}");
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        requests.add(new Request(source, Arrays.copyOfRange(bytes, start, end)));
      }
      if (parser.nextToken() != null) {
        throw notJson(file, MalformedJson.trailing(parser.currentTokenLocation()));
      }
      return requests;
    } catch (JsonProcessingException e) {
      throw notJson(file, MalformedJson.of(e, bytes));
    } catch (IOException e) {
      throw new ProdlineException("cannot read warm-up requests " + file + ": " + e.getMessage(), e);
    }
  }

  private static ProdlineException notJson(Path file, BadRequestException problem) {
    return new ProdlineException(file + " is neither a predict body nor an array of them: " + problem.getMessage(),
        problem);
  }

  /** Each non-blank line of a JSON-lines file, named by its line number. */
  private static List<Request> ofLines(Path file, byte[] bytes) {
    List<Request> requests = new ArrayList<>();
    int line = 1;
    for (int start = 0; start < bytes.length; line++) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (!isBlank(bytes, start, end)) {
        requests.add(new Request(file + " line " + line, Arrays.copyOfRange(bytes, start, end)));
      }
      start = end + 1;
    }
    return requests;
  }

  /** Whether {@code bytes[start, end)} holds only JSON whitespace ({@code \r} included, for CRLF files). */
  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
