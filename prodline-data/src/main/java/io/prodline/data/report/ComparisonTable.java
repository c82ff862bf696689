package io.prodline.data.report;

import io.prodline.data.drift.CategoricalComparison;
import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.drift.FeatureComparison;
import io.prodline.data.drift.KolmogorovSmirnovResult;
import io.prodline.data.drift.NotCompared;
import io.prodline.data.drift.NumericComparison;
import io.prodline.data.drift.WassersteinResult;
import java.util.Map;

/**
 * A row per compared feature: both distributions overlaid, and beside them every drift number with its
 * threshold marked (then a row per feature not compared, with the reason): the schema's threshold for the metric it applies to (L-infinity or JS divergence), the
 * customary 0.1 / 0.25 reading of PSI, and 0.05 for the KS p-value.
 */
final class ComparisonTable {
  /** PSI below this is customarily read as stable. */
  private static final double PSI_MODERATE = 0.1;
  /** PSI above this is customarily read as a major shift. */
  private static final double PSI_MAJOR = 0.25;
  /** KS p-value below which the two samples are said to differ. */
  private static final double KS_ALPHA = KolmogorovSmirnovResult.ALPHA;

  private ComparisonTable() {}

  static String render(DatasetComparison comparison, Map<String, Double> thresholds, AnomalyFlags flags,
      String legend) {
    StringBuilder out = new StringBuilder("<section id=\"features\">\n<h2>Compared features</h2>\n")
        .append(legend).append("\n<table>\n")
        .append("<thead><tr><th>feature</th><th>distributions</th><th>drift</th></tr></thead>\n<tbody>\n");
    for (FeatureComparison f : comparison.features()) {
      out.append("<tr class=\"").append(flags.rowClass(f.name())).append("\"><td class=\"name\">")
          .append(Html.escape(f.name())).append("<div><span class=\"type\">").append(f.kind().fileName())
          .append("</span></div>").append(flags.badges(f.name())).append("</td><td>")
          .append(OverlayChart.of(f)).append("</td><td>")
          .append(f.categorical() != null ? categorical(f.categorical(), thresholds.get(f.name()))
              : numeric(f.numeric(), thresholds.get(f.name())))
          .append("</td></tr>\n");
    }
    for (NotCompared f : comparison.notCompared()) {
      out.append("<tr class=\"").append(flags.rowClass(f.name())).append("\"><td class=\"name\">")
          .append(Html.escape(f.name())).append(flags.badges(f.name())).append("</td><td colspan=\"2\">")
          .append("not compared: ").append(Html.escape(f.reason())).append("</td></tr>\n");
    }
    return out.append("</tbody>\n</table>\n</section>").toString();
  }

  private static String categorical(CategoricalComparison c, Double threshold) {
    StringBuilder out = new StringBuilder("<table class=\"metrics\">");
    metric(out, "L-infinity distance", Numbers.format(c.infinityNorm()), thresholdVerdict(c.infinityNorm(),
        threshold));
    if (c.infinityNormValue() != null) {
      metric(out, "largest change", Html.escape(c.infinityNormValue()), "");
    }
    c.other().ifPresent(o -> metric(out, "beyond the top values", Numbers.percent(o.baseline()) + " / "
        + Numbers.percent(o.current()), c.mostlyOther()
            ? verdict("none", "compared as one share: L-infinity says little about them") : ""));
    return out.append("</table>").toString();
  }

  private static String numeric(NumericComparison n, Double threshold) {
    StringBuilder out = new StringBuilder("<table class=\"metrics\">");
    metric(out, "Jensen–Shannon divergence", Numbers.format(n.jensenShannonDivergence()),
        thresholdVerdict(n.jensenShannonDivergence(), threshold));
    double psi = n.populationStabilityIndex();
    metric(out, "PSI", Numbers.format(psi), psi > PSI_MAJOR
        ? verdict("above", "major shift (&gt; " + PSI_MAJOR + ")")
        : psi > PSI_MODERATE ? verdict("above", "moderate shift (&gt; " + PSI_MODERATE + ")")
        : verdict("within", "stable (≤ " + PSI_MODERATE + ")"));
    KolmogorovSmirnovResult ks = n.kolmogorovSmirnov();
    if (ks != null) {
      metric(out, "KS statistic D", Numbers.format(ks.statistic()) + " ± " + Numbers.format(ks.statisticErrorBound()),
          "");
      String p = ks.statisticErrorBound() == 0 ? Numbers.format(ks.pValue())
          : Numbers.format(ks.pValue()) + " (" + Numbers.format(ks.pValueMin()) + " to "
              + Numbers.format(ks.pValueMax()) + ")";
      metric(out, "KS p-value", p, ksVerdict(ks) + " <span class=\"verdict none\">" + ks.method().fileName()
          + "</span>");
    }
    WassersteinResult w = n.wasserstein();
    if (w != null) {
      metric(out, "Wasserstein", Numbers.format(w.distance()) + " ± " + Numbers.format(w.errorBound()), "");
    }
    return out.append("</table>").toString();
  }

  /** The test's conclusion at KS_ALPHA over the whole p-value range the sketch's error allows. */
  private static String ksVerdict(KolmogorovSmirnovResult ks) {
    return switch (ks.conclusion(KS_ALPHA)) {
      case DIFFERENT -> verdict("above", "differs (p &lt; " + KS_ALPHA + ")");
      case NO_EVIDENCE_OF_A_DIFFERENCE -> verdict("within", "no evidence (p ≥ " + KS_ALPHA + ")");
      case INCONCLUSIVE -> verdict("none", "inconclusive: the sketch error straddles p = " + KS_ALPHA
          + "; a larger kll_k decides");
    };
  }

  /** The verdict against the schema's threshold, or a hint that none is set. */
  private static String thresholdVerdict(double value, Double threshold) {
    if (threshold == null) {
      return verdict("none", "no threshold");
    }
    return value > threshold ? verdict("above", "above threshold " + Numbers.format(threshold))
        : verdict("within", "within threshold " + Numbers.format(threshold));
  }

  private static String verdict(String kind, String html) {
    return "<span class=\"verdict " + kind + "\">" + html + "</span>";
  }

  /** One metric row; {@code value} and {@code verdict} are HTML already escaped. */
  private static void metric(StringBuilder out, String name, String value, String verdict) {
    out.append("<tr><th>").append(name).append("</th><td class=\"num\">").append(value).append("</td><td>")
        .append(verdict).append("</td></tr>");
  }
}
