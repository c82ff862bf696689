package io.prodline.metadata.store;

/** The one check every name in the store passes: present and not blank, so messages and keys stay readable. */
public final class Names {
  private Names() {}

  /** Returns {@code value}, or fails naming {@code what} when it is null or blank. */
  public static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new MetadataException(what + " must not be empty");
    }
    return value;
  }
}
