package io.prodline.data.report;

/** The key of a two-series chart: which colour is the baseline and which the current data. */
record Legend(String baseline, String current) {
  static final int HEIGHT = 18;

  void drawOn(Svg svg) {
    svg.rect(0, 3, 10, 10, "base", "baseline: " + baseline);
    svg.text(14, 12, "start", "legend", "baseline: " + Svg.shorten(baseline, 24));
    svg.rect(170, 3, 10, 10, "curr", "current: " + current);
    svg.text(184, 12, "start", "legend", "current: " + Svg.shorten(current, 24));
  }
}
