package io.prodline.data.report;

/**
 * Escapes text for HTML and SVG. Feature names and category values are user data: a value such as
 * {@code <script>} must show as text, never run, whether it lands in an element or in a quoted attribute.
 */
public final class Html {
  private Html() {}

  /** The text with {@code & < > " '} replaced by entities; safe in element content and quoted attributes. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
