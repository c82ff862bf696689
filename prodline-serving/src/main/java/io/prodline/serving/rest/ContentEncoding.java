package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Compressed bodies, as TensorFlow Serving's HTTP server handles them: a request body sent with
 * {@code Content-Encoding: gzip} or {@code deflate} (zlib) is decompressed, the body limit counting the
 * decompressed bytes, so a small compressed body cannot expand past it; an answer of at least
 * {@value #MIN_COMPRESSED_BYTES} bytes is gzipped for a client whose {@code Accept-Encoding} takes gzip. Done in
 * the connection's handler, not as pipeline stages, so that the uncompressed requests that make up nearly all
 * traffic pay one header lookup each and nothing more.
 */
final class ContentEncoding {
  /** Smaller answers gain too little from compression to pay for it. */
  static final int MIN_COMPRESSED_BYTES = 1024;

  private ContentEncoding() {}

  /** A request body that cannot be accepted, with the answer that says why. */
  static final class RefusedBody extends RuntimeException {
    private final transient ApiResponse answer;

    RefusedBody(HttpResponseStatus status, String message) {
      super(message, null, false, false);
      this.answer = ApiResponse.error(status, message);
    }

    ApiResponse answer() {
      return answer;
    }
  }

  /**
   * The body as sent before {@code encoding} (a Content-Encoding value, null for none) was applied.
   *
   * @throws RefusedBody for an encoding other than gzip, deflate and identity (415), a body that does not decode
   *     (400), or one larger than {@code maxBytes} once decoded (413)
   */
  static byte[] decode(String encoding, byte[] body, int maxBytes) {
    if (encoding == null) {
      return body;
    }
    String name = encoding.trim().toLowerCase(Locale.ROOT);
    try {
      return switch (name) {
        case "identity", "" -> body;
        case "gzip", "x-gzip" -> readAtMost(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes, name);
        case "deflate" -> readAtMost(new InflaterInputStream(new ByteArrayInputStream(body)), maxBytes, name);
        default -> throw new RefusedBody(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding '" + encoding
            + "' is not supported; send the body uncompressed, or with gzip or deflate");
      };
    } catch (IOException e) {
      throw new RefusedBody(HttpResponseStatus.BAD_REQUEST, "the body is not valid " + name + " data ("
          + e.getMessage() + "); compress it with " + name + " or send it uncompressed");
    }
  }

  private static byte[] readAtMost(InputStream in, int maxBytes, String name) throws IOException {
    try (in) {
      byte[] decoded = in.readNBytes(maxBytes + 1);
      if (decoded.length > maxBytes) {
        throw new RefusedBody(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the request body is larger than the "
            + "limit of " + maxBytes + " bytes once " + name + "-decoded; send fewer instances per request");
      }
      return decoded;
    }
  }

  /** Whether an {@code Accept-Encoding} value (null: none) takes gzip: listed, or "*", without q=0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      if ((coding.equals("gzip") || coding.equals("*")) && !refused(parts)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a coding's parameters hold {@code q=0}, which refuses it. */
  private static boolean refused(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String parameter = parameters[i].trim().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).trim()) == 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }

  /** {@code body} gzipped. */
  static byte[] gzipped(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return out.toByteArray();
  }
}
