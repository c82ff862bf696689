package io.prodline.data.report;

import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.MomentStatistics;
import io.prodline.data.stats.StringStatistics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row per feature of a data set: name, type, missing share, the statistics a person checks first, and a small
 * chart of its values; rows of features with anomalies are marked.
 */
final class FeatureTable {
  private FeatureTable() {}

  static String render(DatasetStatistics stats, AnomalyFlags flags) {
    StringBuilder out = new StringBuilder("<section id=\"features\">\n<h2>Features</h2>\n<table>\n<thead><tr>")
        .append("<th>feature</th><th>type</th><th>missing</th><th>statistics</th><th>distribution</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (FeatureStatistics f : stats.features()) {
      double missing = stats.numExamples() == 0 ? 0 : (double) f.common().numMissing() / stats.numExamples();
      out.append("<tr class=\"").append(flags.rowClass(f.name())).append("\"><td class=\"name\">")
          .append(Html.escape(f.name())).append(flags.badges(f.name()))
          .append("</td><td><span class=\"type\">").append(f.type().fileName()).append("</span></td>")
          .append("<td class=\"num\">").append(Numbers.percent(missing)).append("</td><td>")
          .append(definitions(keyStatistics(f))).append("</td><td>").append(DistributionChart.of(f))
          .append("</td></tr>\n");
    }
    return out.append("</tbody>\n</table>\n</section>").toString();
  }

  private static Map<String, String> keyStatistics(FeatureStatistics f) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("values", Numbers.count(f.common().numNonMissing()));
    if (f.numeric() != null) {
      MomentStatistics m = f.numeric().moments();
      s.put("mean", Numbers.format(m.mean()));
      s.put("std dev", Numbers.format(m.stdDev()));
      s.put("min", Numbers.format(m.min()));
      s.put("median", Numbers.format(f.numeric().quantiles().median()));
      s.put("max", Numbers.format(m.max()));
      s.put("zeros", Numbers.count(m.numZeros()));
      if (m.numNan() > 0) {
        s.put("NaN", Numbers.count(m.numNan()));
      }
      if (m.numPositiveInfinity() + m.numNegativeInfinity() > 0) {
        s.put("±inf", Numbers.count(m.numPositiveInfinity()) + " / " + Numbers.count(m.numNegativeInfinity()));
      }
    } else if (f.string() != null) {
      StringStatistics str = f.string();
      s.put("distinct", "≈ " + Numbers.count(str.distinct().estimate()));
      s.put("avg length", Numbers.format(str.lengths().avgLength()));
      if (!str.topValues().topValues().isEmpty()) {
        s.put("top value", str.topValues().topValues().get(0).value());
      }
      if (!str.topValues().exact()) {
        s.put("top counts", "approximate, ± " + Numbers.count(str.topValues().maxError()));
      }
    } else if (f.bool() != null && f.common().numNonMissing() > 0) {
      s.put("true", Numbers.percent((double) f.bool().numTrue() / f.common().numNonMissing()));
    }
    return s;
  }

  /** Name–value pairs as a definition list; both are escaped (a top value is user data). */
  static String definitions(Map<String, String> pairs) {
    StringBuilder out = new StringBuilder("<dl class=\"stats\">");
    pairs.forEach((k, v) -> out.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v))
        .append("</dd>"));
    return out.append("</dl>").toString();
  }
}
