package io.prodline.serving.protocol;

import io.prodline.core.error.ProdlineException;

/** A request body the server cannot accept; the message says what is wrong and where. Answered with 400. */
public final class BadRequestException extends ProdlineException {
  public BadRequestException(String message) {
    super(message);
  }
}
