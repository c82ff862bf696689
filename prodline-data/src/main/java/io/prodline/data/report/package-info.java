/**
 * Self-contained HTML reports of statistics, validation results and comparisons, for a person to open offline:
 * one file with inline CSS and inline SVG charts, no script, font or style sheet fetched from anywhere.
 * {@link io.prodline.data.report.HtmlReports} is the entry point; the command line writes these pages and the
 * monitor reuses them. Every text that comes from data (feature names, category values, descriptions) goes
 * through {@link io.prodline.data.report.Html#escape}. Depends only on the statistics, validation and drift
 * packages.
 */
package io.prodline.data.report;
