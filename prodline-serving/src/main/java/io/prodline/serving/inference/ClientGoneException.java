package io.prodline.serving.inference;

/** The client cancelled its request or closed the connection before the answer: nobody is left to receive it. */
public final class ClientGoneException extends RuntimeException {
  public ClientGoneException(String message) {
    super(message, null, false, false);
  }
}
