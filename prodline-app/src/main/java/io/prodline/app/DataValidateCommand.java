package io.prodline.app;

import io.prodline.data.report.HtmlReports;
import io.prodline.data.schema.Schema;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsOptions;
import io.prodline.data.validation.ExampleValidator;
import io.prodline.data.validation.ValidationOptions;
import io.prodline.data.validation.ValidationResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prodline data validate}: ExampleValidator, with an exit status a pipeline can act on. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Check a data set against a schema: anomalies, drift and skew; exit status 1 on errors (ExampleValidator).",
        "",
        "Anomalies: new or missing columns, wrong types, too many missing values, values outside the domain or",
        "range, NaN or infinities where none are allowed.",
        "With --previous, also drift from the previous span; with --serving, skew between this (training) data",
        "and serving data: for the features whose schema entry has a drift_comparator / skew_comparator, an",
        "anomaly when the distance is above its threshold. The catalog is in docs/validation.md.",
        "",
        "--data, --previous and --serving each take a location (file, directory, glob, jdbc: URL) or a",
        "statistics JSON written by prodline data stats --output, so data read once is not read again."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:no anomaly of severity error (warnings may be listed)",
        "1:at least one anomaly of severity error: the data is not fit for use",
        "2:bad input: a missing or unreadable file, bad data, a bad schema, a wrong option"},
    footer = {
        "",
        "Examples:",
        "  prodline data schema --data examples/data/seattle-weather-2012.csv --output weather-schema.yaml",
        "  prodline data validate --data examples/data/seattle-weather-2015.csv --schema weather-schema.yaml \\",
        "      --output anomalies.json --html validation.html",
        "  prodline data validate --data examples/data/seattle-weather-2015.csv --schema weather-schema.yaml \\",
        "      --previous examples/data/seattle-weather-2012.csv --output anomalies.json",
        "  prodline data validate --data train.csv --schema schema.yaml --serving 'logs/*.jsonl' \\",
        "      --environment TRAINING --output anomalies.json"})
final class DataValidateCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "LOCATION", description = "The data to check.")
  String data;

  @Option(names = "--query", paramLabel = "SQL", description = "The SQL query of a jdbc: --data.")
  String query;

  @Option(names = "--schema", required = true, paramLabel = "FILE", description = "Schema YAML to check against.")
  Path schemaFile;

  @Option(names = "--environment", paramLabel = "NAME",
      description = "Environment the data comes from (one of the schema's, e.g. SERVING): features marked "
          + "not_in_environments for it are not expected.")
  String environment;

  @Option(names = "--previous", paramLabel = "LOCATION",
      description = "The previous span, or its statistics JSON, for drift checks.")
  String previous;

  @Option(names = "--previous-query", paramLabel = "SQL", description = "The SQL query of a jdbc: --previous.")
  String previousQuery;

  @Option(names = "--serving", paramLabel = "LOCATION",
      description = "Serving data, or its statistics JSON, for skew checks of --data as training data.")
  String serving;

  @Option(names = "--serving-query", paramLabel = "SQL", description = "The SQL query of a jdbc: --serving.")
  String servingQuery;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the anomalies as JSON here.")
  Path output;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write a report to open in a browser: the anomalies first, then a row per column.")
  Path html;

  @Mixin
  StatisticsReadOptions read;

  @Override
  public Integer call() {
    Schema schema = SchemaFile.read(schemaFile);
    DataInput input = new DataInput(data, query, "--query");
    StatisticsOptions statisticsOptions =
        StatisticsOptions.defaults().withCategoricalColumns(schema.categoricalIntegerFeatures());
    DatasetStatistics stats = statistics(input, statisticsOptions);
    ValidationOptions options = ValidationOptions.defaults().withEnvironment(environment);
    if (previous != null) {
      options = options.withPrevious(statistics(new DataInput(previous, previousQuery, "--previous-query"),
          statisticsOptions));
    }
    if (serving != null) {
      options = options.withServing(statistics(new DataInput(serving, servingQuery, "--serving-query"),
          statisticsOptions));
    }
    ValidationResult result = ExampleValidator.validate(stats, schema, options);
    AnomalyPrinter.print(result.anomalies(), "No anomalies: the data fits the schema.", System.out);
    if (output != null) {
      OutputFiles.writeJson(output, result, "anomalies");
    }
    if (html != null) {
      OutputFiles.write(html, HtmlReports.validation("Validation of " + input.displayName() + " against "
          + schemaFile, stats, result), "report");
    }
    return result.hasErrors() ? 1 : 0;
  }

  private DatasetStatistics statistics(DataInput input, StatisticsOptions options) {
    return InputStatistics.of(input, read, options);
  }
}
