package io.prodline.serving.protocol;

import java.util.List;

/**
 * What error messages quote of a request or a model, kept short enough to read and to send on every refused
 * request: a client's value cut to {@value #MAX_QUOTED} characters, and a list of names whole up to
 * {@value #MAX_LISTED} names, so a client can spot its misspelling, but a wide model's (a thousand inputs) cut to
 * its first {@value #SHOWN}. The model's metadata lists every input.
 */
public final class MessageText {
  static final int MAX_QUOTED = 40;
  static final int MAX_LISTED = 50;
  static final int SHOWN = 20;

  private MessageText() {}

  /** {@code text}, or its first {@value #MAX_QUOTED} characters and "...". */
  public static String shortened(String text) {
    return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
  }

  /**
   * {@code [a, b, c]}, or for 1,000 names {@code [a, b, ..., t, ... and 980 more; the model's metadata lists them
   * all]}.
   */
  public static String names(List<String> names) {
    if (names.size() <= MAX_LISTED) {
      return names.toString();
    }
    return "[" + String.join(", ", names.subList(0, SHOWN)) + ", ... and " + (names.size() - SHOWN)
        + " more; the model's metadata lists them all]";
  }
}
