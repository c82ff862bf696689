package io.prodline.data.report;

import java.util.List;

/**
 * The frame of every report: one HTML5 document with its style sheet inline and system fonts only, so the file
 * opens the same offline, from a mail attachment or a CI artifact, and nothing is fetched from the network.
 */
final class HtmlPage {
  private static final String STYLE = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
        margin:24px auto;max-width:1200px;padding:0 16px;color:#1d2433;background:#fff}
      h1{font-size:22px;margin:0 0 4px}
      h2{font-size:17px;margin:28px 0 8px}
      .meta{color:#5b6474;margin:0}
      table{border-collapse:collapse;width:100%}
      th{text-align:left;font-size:12px;font-weight:600;color:#5b6474;text-transform:uppercase;
        letter-spacing:.03em;border-bottom:2px solid #d0d5dd;padding:6px 8px}
      td{border-bottom:1px solid #e6e8ec;padding:8px;vertical-align:top}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .name{font-weight:600;word-break:break-word;max-width:220px}
      .type{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:#eef1f5;
        border-radius:4px;padding:1px 6px}
      .badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;border-radius:3px;
        padding:1px 6px;color:#fff;white-space:nowrap}
      .badge.error{background:#c62828}.badge.warning{background:#b85c00}.badge.ok{background:#2e7d32}
      .badge.info{background:#5b6474}
      .anomalies tr.error td{background:#fdecea}.anomalies tr.warning td{background:#fff4e5}
      .anomalies td.kind{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:nowrap}
      .summary{border-left:4px solid;padding:8px 12px;margin:8px 0}
      .summary.error{border-color:#c62828;background:#fdecea}.summary.warning{border-color:#b85c00;background:#fff4e5}
      .summary.ok{border-color:#2e7d32;background:#e8f5e9}.summary.info{border-color:#5b6474;background:#f3f4f6}
      tr.error>td:first-child{box-shadow:inset 4px 0 #c62828}tr.warning>td:first-child{box-shadow:inset 4px 0 #b85c00}
      .flags{margin-top:4px}.flags .badge{margin:0 4px 2px 0}
      dl.stats{display:grid;grid-template-columns:max-content auto;gap:0 10px;margin:0}
      dl.stats dt{color:#5b6474}dl.stats dd{margin:0;font-variant-numeric:tabular-nums}
      table.metrics td,table.metrics th{border:0;padding:2px 8px 2px 0}
      table.metrics th{text-transform:none;letter-spacing:0;font-size:13px;font-weight:400;color:#5b6474;
        white-space:nowrap}
      .key{margin:0 0 8px;color:#1d2433}
      .swatch{display:inline-block;width:11px;height:11px;margin:0 6px 0 16px;vertical-align:-1px}
      .swatch:first-child{margin-left:0}.swatch.base{background:rgba(31,119,180,.55)}
      .swatch.curr{background:rgba(255,127,14,.55)}
      dl.stats dd{word-break:break-word;max-width:260px}
      .verdict{font-size:12px;white-space:nowrap}.verdict.above{color:#c62828;font-weight:700}
      .verdict.within{color:#2e7d32}.verdict.none{color:#5b6474}
      svg.chart{display:block;overflow:visible}
      svg .bar{fill:#4c78a8}svg .base{fill:#1f77b4;fill-opacity:.55}svg .curr{fill:#ff7f0e;fill-opacity:.55}
      svg text{font-size:10px;fill:#5b6474}svg .label{fill:#1d2433}svg .strong{font-weight:700}
      svg .legend{font-size:11px;fill:#1d2433}svg .axis{stroke:#9aa1ad;stroke-width:1}
      footer{color:#5b6474;font-size:12px;margin-top:24px}
      """;

  private HtmlPage() {}

  /** The document: a header with {@code title} and {@code subtitle} (plain text), then the sections (HTML). */
  static String render(String title, String subtitle, List<String> sections) {
    StringBuilder out = new StringBuilder(8192);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"meta\">")
        .append(Html.escape(subtitle)).append("</p>\n</header>\n");
    sections.forEach(s -> out.append(s).append('\n'));
    out.append("<footer>Written by prodline. Definitions of every statistic and metric: docs/statistics.md and ")
        .append("docs/validation.md. Hover a bar for its exact value.</footer>\n</body>\n</html>\n");
    return out.toString();
  }
}
