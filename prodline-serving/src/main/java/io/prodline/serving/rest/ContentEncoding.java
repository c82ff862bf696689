package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.limits.BodyTooLargeException;
import io.prodline.serving.protocol.BadRequestException;
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
 * traffic pay one header lookup each and nothing more. An unknown encoding is refused as the request arrives; the
 * decompression itself runs where the body is read ({@link RequestBody#bytes()}), on a prediction worker, since a
 * large body takes milliseconds to inflate and the event loop serves every other connection meanwhile.
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
   * The coding a Content-Encoding value (null for none) names: {@code identity}, {@code gzip} or {@code deflate}.
   *
   * @throws RefusedBody (415) for an encoding this server cannot decode
   */
  static String coding(String encoding) {
    if (encoding == null) {
      return "identity";
    }
    return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
      case "identity", "" -> "identity";
      case "gzip", "x-gzip" -> "gzip";
      case "deflate" -> "deflate";
      default -> throw new RefusedBody(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding '" + encoding
          + "' is not supported; send the body uncompressed, or with gzip or deflate");
    };
  }

  /**
   * The body as sent before {@code coding} (from {@link #coding}) was applied.
   *
   * @throws BadRequestException for a body that does not decode
   * @throws BodyTooLargeException for one larger than {@code maxBytes} once decoded
   */
  static byte[] decode(String coding, byte[] body, int maxBytes) {
    try {
      return switch (coding) {
        case "gzip" -> readAtMost(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes, coding);
        case "deflate" -> readAtMost(new InflaterInputStream(new ByteArrayInputStream(body)), maxBytes, coding);
        default -> body;
      };
    } catch (IOException e) {
      throw new BadRequestException("the body is not valid " + coding + " data (" + e.getMessage() + "); compress "
          + "it with " + coding + " or send it uncompressed");
    }
  }

  private static byte[] readAtMost(InputStream in, int maxBytes, String name) throws IOException {
    try (in) {
      byte[] decoded = in.readNBytes(maxBytes + 1);
      if (decoded.length > maxBytes) {
        throw new BodyTooLargeException("the request body is larger than the limit of " + maxBytes + " bytes once "
            + name + "-decoded; send fewer instances per request");
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
