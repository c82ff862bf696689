package io.prodline.data.report;

import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.HistogramBucket;
import io.prodline.data.stats.TopValuesStatistics;
import io.prodline.data.stats.ValueCount;
import java.util.ArrayList;
import java.util.List;

/**
 * The small chart of one feature's values in a statistics report: the equi-width histogram of a numeric
 * feature, the top values of a string feature (plus the rest as "other values"), true and false of a bool.
 * Always exactly one SVG element, even for a feature without values, so every row of the report has a chart.
 */
final class DistributionChart {
  private static final int WIDTH = 300;
  private static final int PLOT_HEIGHT = 64;
  private static final int TOP_VALUES = 8;

  private DistributionChart() {}

  static String of(FeatureStatistics f) {
    String label = "distribution of " + f.name();
    if (f.numeric() != null) {
      List<HistogramBucket> buckets = f.numeric().quantiles().equiWidthHistogram();
      return buckets.isEmpty() ? empty(label, "no finite value") : histogram(label, buckets);
    }
    if (f.common().numNonMissing() == 0) {
      return empty(label, "no value");
    }
    if (f.string() != null) {
      return HorizontalBars.draw(label, WIDTH,
          topValues(f.string().topValues(), f.common().numNonMissing()));
    }
    long numTrue = f.bool().numTrue();
    long numFalse = f.common().numNonMissing() - numTrue;
    return HorizontalBars.draw(label, WIDTH,
        List.of(countRow("true", numTrue, ""), countRow("false", numFalse, "")));
  }

  private static String histogram(String label, List<HistogramBucket> buckets) {
    double max = buckets.stream().mapToDouble(HistogramBucket::sampleCount).max().orElse(0);
    Svg svg = new Svg(WIDTH, PLOT_HEIGHT + 16, label);
    double width = (double) WIDTH / buckets.size();
    for (int i = 0; i < buckets.size(); i++) {
      HistogramBucket b = buckets.get(i);
      double height = max <= 0 ? 0 : b.sampleCount() / max * PLOT_HEIGHT;
      svg.rect(i * width + 0.5, PLOT_HEIGHT - height, Math.max(width - 1, 1), height, "bar",
          (i == 0 ? "[" : "(") + Numbers.format(b.lowValue()) + ", " + Numbers.format(b.highValue()) + "]: "
              + Numbers.format(b.sampleCount()));
    }
    svg.line(0, PLOT_HEIGHT + 0.5, WIDTH, PLOT_HEIGHT + 0.5, "axis");
    svg.text(0, PLOT_HEIGHT + 13, "start", "tick", Numbers.format(buckets.get(0).lowValue()));
    svg.text(WIDTH, PLOT_HEIGHT + 13, "end", "tick",
        Numbers.format(buckets.get(buckets.size() - 1).highValue()));
    return svg.end();
  }

  /** The top values and the rest; counts of a sketch past its capacity are estimates, marked with ≈. */
  private static List<HorizontalBars.Row> topValues(TopValuesStatistics top, long nonMissing) {
    String mark = top.exact() ? "" : "≈ ";
    List<HorizontalBars.Row> rows = new ArrayList<>();
    long shown = 0;
    for (ValueCount v : top.topValues().stream().limit(TOP_VALUES).toList()) {
      rows.add(countRow(v.value(), v.count(), mark));
      shown += v.count();
    }
    if (shown < nonMissing) {
      rows.add(countRow("(other values)", nonMissing - shown, mark));
    }
    return rows;
  }

  private static HorizontalBars.Row countRow(String label, long count, String mark) {
    return new HorizontalBars.Row(label, count, null, mark + Numbers.count(count), null, false);
  }

  private static String empty(String label, String message) {
    return new Svg(WIDTH, 20, label).text(0, 14, "start", "tick", message).end();
  }
}
