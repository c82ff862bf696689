package io.prodline.serving.protocol;

import java.util.List;

/**
 * Lists of names in error messages: whole up to {@value #MAX_LISTED} names, so a client can spot its misspelling;
 * longer ones (a model of a thousand inputs) shortened to their first {@value #SHOWN}, since a message of a thousand
 * names helps nobody and costs its size on every refused request. The model's metadata lists every input.
 */
public final class NameLists {
  static final int MAX_LISTED = 50;
  static final int SHOWN = 20;

  private NameLists() {}

  /**
   * {@code [a, b, c]}, or for 1,000 names {@code [a, b, ..., t, ... and 980 more; the model's metadata lists them
   * all]}.
   */
  public static String describe(List<String> names) {
    if (names.size() <= MAX_LISTED) {
      return names.toString();
    }
    return "[" + String.join(", ", names.subList(0, SHOWN)) + ", ... and " + (names.size() - SHOWN)
        + " more; the model's metadata lists them all]";
  }
}
