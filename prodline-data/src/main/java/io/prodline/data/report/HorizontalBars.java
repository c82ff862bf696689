package io.prodline.data.report;

import java.util.List;

/**
 * A horizontal bar chart of labelled counts or shares, one or two bars per label: the shape of a categorical
 * feature (top values, true/false) or of two data sets' frequencies side by side.
 */
final class HorizontalBars {
  /** One labelled row; {@code current} is null for a single-series chart. */
  record Row(String label, double baseline, Double current, String baselineText, String currentText,
      boolean emphasised) {}

  private static final int LABEL_WIDTH = 104;
  private static final int MAX_LABEL = 16;

  private HorizontalBars() {}

  /**
   * The chart, {@code width} pixels wide; single-series rows use CSS class {@code bar}, two-series rows
   * {@code base} (upper bar) and {@code curr} (lower bar), and a legend is drawn above two-series charts.
   */
  static String draw(String label, int width, List<Row> rows) {
    boolean pairs = rows.stream().anyMatch(r -> r.current() != null);
    int rowHeight = pairs ? 20 : 15;
    int top = pairs ? Legend.HEIGHT + 2 : 2;
    int valueWidth = pairs ? 104 : 56;
    int barArea = width - LABEL_WIDTH - valueWidth;
    double max = rows.stream().mapToDouble(r -> Math.max(r.baseline(), r.current() == null ? 0 : r.current()))
        .max().orElse(0);
    Svg svg = new Svg(width, top + rows.size() * rowHeight + 2, label);
    if (pairs) {
      Legend.drawOn(svg);
    }
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double y = top + i * rowHeight;
      svg.text(LABEL_WIDTH - 6, y + rowHeight / 2.0 + 4, "end", row.emphasised() ? "label strong" : "label",
          Svg.shorten(row.label(), MAX_LABEL));
      if (pairs) {
        bar(svg, y + 2, 7, row.baseline(), max, barArea, "base", "baseline " + row.label() + ": "
            + row.baselineText());
        bar(svg, y + 10, 7, row.current(), max, barArea, "curr", "current " + row.label() + ": "
            + row.currentText());
        svg.text(LABEL_WIDTH + barArea + 4, y + rowHeight / 2.0 + 4, "start", "value", row.baselineText() + " → "
            + row.currentText());
      } else {
        bar(svg, y + 2, rowHeight - 4, row.baseline(), max, barArea, "bar", row.label() + ": "
            + row.baselineText());
        svg.text(LABEL_WIDTH + barArea + 4, y + rowHeight / 2.0 + 4, "start", "value", row.baselineText());
      }
    }
    return svg.end();
  }

  private static void bar(Svg svg, double y, double height, double value, double max, int barArea,
      String cssClass, String tooltip) {
    double width = max <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, value / max * barArea);
    svg.rect(LABEL_WIDTH, y, width, height, cssClass, tooltip);
  }
}
