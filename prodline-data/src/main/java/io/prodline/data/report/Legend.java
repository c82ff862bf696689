package io.prodline.data.report;

/**
 * The key of a two-series chart: which colour is the baseline and which the current data. Inside each chart
 * the key is two words; the section above the charts names the two data sets in full, once.
 */
final class Legend {
  static final int HEIGHT = 18;

  private Legend() {}

  static void drawOn(Svg svg) {
    svg.rect(0, 3, 10, 10, "base", "baseline");
    svg.text(14, 12, "start", "legend", "baseline");
    svg.rect(72, 3, 10, 10, "curr", "current");
    svg.text(86, 12, "start", "legend", "current");
  }

  /** The HTML line naming both data sets next to their colours. */
  static String html(String baselineName, String currentName) {
    return "<p class=\"key\"><span class=\"swatch base\"></span>baseline: " + Html.escape(baselineName)
        + "<span class=\"swatch curr\"></span>current: " + Html.escape(currentName) + "</p>";
  }
}
