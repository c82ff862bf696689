package io.prodline.data.report;

import io.prodline.data.validation.Anomaly;
import io.prodline.data.validation.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The anomalies of each feature, to mark its row in a table: the row takes the worst severity's colour and
 * lists the anomaly types, so a problem found at the top can be found again next to its chart.
 */
final class AnomalyFlags {
  private final Map<String, List<Anomaly>> byFeature;

  AnomalyFlags(List<Anomaly> anomalies) {
    byFeature = anomalies.stream().filter(a -> a.feature() != null)
        .collect(Collectors.groupingBy(Anomaly::feature));
  }

  /** The CSS class of the feature's row: error, warning or empty. */
  String rowClass(String feature) {
    List<Anomaly> found = byFeature.getOrDefault(feature, List.of());
    if (found.isEmpty()) {
      return "";
    }
    return found.stream().anyMatch(a -> a.severity() == Severity.ERROR) ? "error" : "warning";
  }

  /** Badges naming the feature's anomaly types; empty when it has none. */
  String badges(String feature) {
    List<Anomaly> found = byFeature.getOrDefault(feature, List.of());
    if (found.isEmpty()) {
      return "";
    }
    return found.stream().map(a -> "<span class=\"badge " + a.severity().fileName() + "\">" + a.type().fileName()
        + "</span>").collect(Collectors.joining("", "<div class=\"flags\">", "</div>"));
  }
}
