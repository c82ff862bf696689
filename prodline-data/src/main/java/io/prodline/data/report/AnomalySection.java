package io.prodline.data.report;

import io.prodline.data.validation.Anomaly;
import io.prodline.data.validation.Severity;
import java.util.List;

/**
 * The anomalies at the top of a report, errors first in red and warnings in amber, each with its type, feature
 * and sentence, so a person sees what is wrong before any chart; a green line when there is none.
 */
final class AnomalySection {
  private AnomalySection() {}

  /**
   * The section; {@code whenNone} is the sentence shown when {@code anomalies} is empty, in green when something
   * was {@code checked} and in grey when nothing was (a comparison without thresholds).
   */
  static String render(List<Anomaly> anomalies, String whenNone, boolean checked) {
    StringBuilder out = new StringBuilder("<section id=\"anomalies\" class=\"anomalies\">\n<h2>Anomalies</h2>\n");
    long errors = anomalies.stream().filter(a -> a.severity() == Severity.ERROR).count();
    long warnings = anomalies.size() - errors;
    if (anomalies.isEmpty()) {
      out.append("<p class=\"summary ").append(checked ? "ok" : "info").append("\">").append(Html.escape(whenNone)).append("</p>\n");
    } else {
      out.append("<p class=\"summary ").append(errors > 0 ? "error" : "warning").append("\">")
          .append(errors).append(errors == 1 ? " error" : " errors").append(", ")
          .append(warnings).append(warnings == 1 ? " warning" : " warnings")
          .append(errors > 0 ? ": the data is not fit for use until they are fixed." : ": worth a look.")
          .append("</p>\n<table>\n<thead><tr><th>severity</th><th>type</th><th>feature</th><th>description</th>")
          .append("</tr></thead>\n<tbody>\n");
      for (Anomaly a : anomalies) {
        String severity = a.severity().fileName();
        out.append("<tr class=\"").append(severity).append("\"><td>").append(badge(a.severity()))
            .append("</td><td class=\"kind\">").append(a.type().fileName())
            .append("</td><td class=\"name\">").append(a.feature() == null ? "(data set)" : Html.escape(a.feature()))
            .append("</td><td>").append(Html.escape(a.description())).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    return out.append("</section>").toString();
  }

  /** A coloured label naming the severity. */
  static String badge(Severity severity) {
    return "<span class=\"badge " + severity.fileName() + "\">" + severity.fileName() + "</span>";
  }
}
