package io.prodline.serving.protocol;

/** The body of every error answer, {@code {"error": "..."}}, as TF Serving writes it. */
public final class ErrorBody {
  private record Error(String error) {}

  private ErrorBody() {}

  public static byte[] encode(String message) {
    return Json.write(new Error(message));
  }
}
