package io.prodline.data.report;

import io.prodline.data.drift.CategoricalComparison;
import io.prodline.data.drift.ComparedBucket;
import io.prodline.data.drift.ComparedValue;
import io.prodline.data.drift.FeatureComparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The two distributions of a compared feature drawn over each other, on the very bins the drift metrics use,
 * so what a person sees is what was measured. Numeric: the union-boundary bins as semi-transparent bars whose
 * height is density (share / width: bins differ in width, and equal shares in a wide and a narrow bin are not
 * the same shape), then NaN and infinity bins by share; categorical: a pair of bars per value.
 */
final class OverlayChart {
  private static final int WIDTH = 420;
  private static final int PLOT_HEIGHT = 110;
  private static final int SPECIAL_WIDTH = 36;
  private static final double MIN_BAR = 3;
  private static final int VALUES = 10;

  private OverlayChart() {}

  static String of(FeatureComparison f) {
    String label = "baseline and current distribution of " + f.name();
    return f.categorical() != null ? categorical(label, f.categorical()) : numeric(label, f);
  }

  private static String numeric(String label, FeatureComparison f) {
    List<ComparedBucket> finite = f.numeric().bins().stream().filter(b -> b.special() == null).toList();
    List<ComparedBucket> special = f.numeric().bins().stream().filter(b -> b.special() != null).toList();
    int top = Legend.HEIGHT + 4;
    int plotWidth = WIDTH - special.size() * SPECIAL_WIDTH;
    Svg svg = new Svg(WIDTH, top + PLOT_HEIGHT + 16, label);
    Legend.drawOn(svg);
    if (!finite.isEmpty()) {
      double lo = finite.get(0).lowValue();
      double hi = finite.get(finite.size() - 1).highValue();
      double scale = hi > lo ? (plotWidth - 4) / (hi - lo) : 0;
      double maxDensity = 0;
      for (ComparedBucket b : finite) {
        maxDensity = Math.max(maxDensity, Math.max(b.baseline(), b.current()) / barWidth(b, scale, plotWidth));
      }
      for (String side : List.of("base", "curr")) {
        for (ComparedBucket b : finite) {
          double share = side.equals("base") ? b.baseline() : b.current();
          double width = barWidth(b, scale, plotWidth);
          double height = maxDensity <= 0 ? 0 : share / width / maxDensity * PLOT_HEIGHT;
          svg.rect((b.lowValue() - lo) * scale, top + PLOT_HEIGHT - height, width, height, side,
              (side.equals("base") ? "baseline " : "current ") + "(" + Numbers.format(b.lowValue()) + ", "
                  + Numbers.format(b.highValue()) + "]: " + Numbers.percent(share));
        }
      }
      svg.text(0, top + PLOT_HEIGHT + 13, "start", "tick", Numbers.format(lo));
      svg.text(plotWidth - 4, top + PLOT_HEIGHT + 13, "end", "tick", Numbers.format(hi));
    }
    for (int i = 0; i < special.size(); i++) {
      ComparedBucket b = special.get(i);
      double x = plotWidth + i * SPECIAL_WIDTH + 6;
      for (String side : List.of("base", "curr")) {
        double share = side.equals("base") ? b.baseline() : b.current();
        double height = share * PLOT_HEIGHT;
        svg.rect(side.equals("base") ? x : x + 12, top + PLOT_HEIGHT - height, 12, height, side,
            (side.equals("base") ? "baseline " : "current ") + b.special().fileName() + ": "
                + Numbers.percent(share));
      }
      svg.text(x + 12, top + PLOT_HEIGHT + 13, "middle", "tick", specialLabel(b));
    }
    svg.line(0, top + PLOT_HEIGHT + 0.5, WIDTH, top + PLOT_HEIGHT + 0.5, "axis");
    return svg.end();
  }

  /** Pixel width of a bin; a zero-width bin (a constant feature) gets a thin bar instead of none. */
  private static double barWidth(ComparedBucket b, double scale, int plotWidth) {
    if (scale == 0) {
      return plotWidth - 4;
    }
    return Math.max(MIN_BAR, (b.highValue() - b.lowValue()) * scale);
  }

  private static String specialLabel(ComparedBucket b) {
    return switch (b.special()) {
      case NAN -> "NaN";
      case POSITIVE_INFINITY -> "+inf";
      case NEGATIVE_INFINITY -> "-inf";
    };
  }

  private static String categorical(String label, CategoricalComparison c) {
    List<ComparedValue> values = new ArrayList<>(c.values());
    values.sort(Comparator.comparingDouble((ComparedValue v) -> -Math.max(v.baseline(), v.current())));
    List<HorizontalBars.Row> rows = new ArrayList<>();
    for (ComparedValue v : values.subList(0, Math.min(VALUES, values.size()))) {
      boolean worst = Math.abs(v.baseline() - v.current()) == c.infinityNorm() && c.infinityNorm() > 0
          && (v.value() == null || Objects.equals(v.value(), c.infinityNormValue()));
      rows.add(new HorizontalBars.Row(v.value() == null ? "(other values)" : v.value(), v.baseline(),
          v.current(), Numbers.percent(v.baseline()), Numbers.percent(v.current()), worst));
    }
    return HorizontalBars.draw(label, WIDTH, rows);
  }
}
