package io.prodline.data.report;

import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.validation.Anomaly;
import io.prodline.data.validation.ValidationResult;
import java.util.List;
import java.util.Map;

/**
 * Self-contained HTML reports (one file, inline CSS and SVG, no script) of statistics, a validation and a
 * comparison: what a person opens to decide whether data is fit to train on or serving has drifted. The
 * command line writes them with {@code --html}; the monitor reuses them.
 */
public final class HtmlReports {
  private HtmlReports() {}

  /** A row per feature with its type, missing share, key statistics and a histogram or top-values chart. */
  public static String statistics(String title, DatasetStatistics statistics) {
    return HtmlPage.render(title, overview(statistics),
        List.of(FeatureTable.render(statistics, new AnomalyFlags(List.of()))));
  }

  /** The anomalies first, then the statistics table with the rows of anomalous features marked. */
  public static String validation(String title, DatasetStatistics statistics, ValidationResult result) {
    return HtmlPage.render(title, overview(statistics), List.of(
        AnomalySection.render(result.anomalies(), "No anomalies: the data fits the schema.", true),
        FeatureTable.render(statistics, new AnomalyFlags(result.anomalies()))));
  }

  /**
   * The anomalies first (e.g. drift above a schema threshold), then a row per compared feature with both
   * distributions overlaid and every drift metric.
   *
   * @param baselineName how the baseline is called in the legend, e.g. its location
   * @param currentName how the current data is called in the legend
   * @param thresholds the schema's threshold per feature, for its L-infinity distance (categorical) or JS
   *     divergence (numeric); features without one show no threshold
   * @param anomalies what the thresholds found, e.g. from {@code ComparisonChecks.drift}
   */
  public static String comparison(String title, String baselineName, String currentName,
      DatasetComparison comparison, Map<String, Double> thresholds, List<Anomaly> anomalies) {
    String subtitle = "baseline " + baselineName + ": " + Numbers.count(comparison.baselineExamples())
        + " examples · current " + currentName + ": " + Numbers.count(comparison.currentExamples())
        + " examples · " + comparison.features().size() + " features compared"
        + (comparison.notCompared().isEmpty() ? "" : ", " + comparison.notCompared().size() + " not compared");
    String whenNone = thresholds.isEmpty()
        ? "No thresholds were given, so no feature was checked against one; thresholds come from a schema's "
            + "drift_comparator or skew_comparator."
        : "No feature is above its threshold.";
    return HtmlPage.render(title, subtitle, List.of(
        AnomalySection.render(anomalies, whenNone, !thresholds.isEmpty()),
        ComparisonTable.render(comparison, thresholds, new AnomalyFlags(anomalies),
            Legend.html(baselineName, currentName))));
  }

  private static String overview(DatasetStatistics statistics) {
    return Numbers.count(statistics.numExamples()) + " examples · " + statistics.features().size() + " features"
        + (statistics.sliceFeature() == null ? ""
            : " · sliced by " + statistics.sliceFeature() + " (" + statistics.slices().size()
                + " slices, in the JSON output)");
  }
}
