package io.prodline.data.report;

import java.util.Locale;

/**
 * Writes one inline SVG element of a report: rectangles and text with escaped content, and a {@code <title>}
 * on bars so a person sees the exact number on hover without any script. Coordinates are in pixels; colours
 * come from the page's style sheet through CSS classes.
 */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  /** Starts a chart of the given size; {@code label} is read by screen readers. */
  Svg(int width, int height, String label) {
    out.append(String.format(Locale.ROOT,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
        width, height, width, height, Html.escape(label)));
  }

  /** A bar; {@code tooltip} shows on hover. */
  Svg rect(double x, double y, double width, double height, String cssClass, String tooltip) {
    out.append(String.format(Locale.ROOT,
        "<rect class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"><title>%s</title></rect>",
        cssClass, x, y, width, height, Html.escape(tooltip)));
    return this;
  }

  /** A vertical line, e.g. an axis. */
  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append(String.format(Locale.ROOT,
        "<line class=\"%s\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>", cssClass, x1, y1, x2, y2));
    return this;
  }

  /** Text; {@code anchor} is start, middle or end. */
  Svg text(double x, double y, String anchor, String cssClass, String text) {
    out.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\">%s</text>",
        cssClass, x, y, anchor, Html.escape(text)));
    return this;
  }

  /** The finished element. */
  String end() {
    return out + "</svg>";
  }

  /** {@code text} cut to {@code max} characters with an ellipsis, so a long value cannot overflow its label. */
  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
