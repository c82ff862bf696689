package io.prodline.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code prodline data}: look at data before training on it. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
        "Look at data before training on it: statistics, a schema, anomalies, drift and skew.",
        "",
        "The usual path: stats to see the data, schema to infer what it must look like (edit and version it),",
        "validate each new span against the schema (in a pipeline: exit status 1 stops it), compare two spans",
        "or training and serving data to see what moved.",
        "",
        "Every statistic is computed in one streaming pass with mergeable sketches, so data larger than memory",
        "works, from CSV, JSON lines, Parquet or a SQL query. stats, validate and compare write a self-contained",
        "HTML report with --html. See docs/data-cli.md."},
    subcommands = {DataStatsCommand.class, DataSchemaCommand.class, DataValidateCommand.class,
        DataCompareCommand.class, DataGenerateCommand.class},
    footer = {
        "",
        "Examples:",
        "  prodline data stats --data examples/data/seattle-weather.csv --output weather-stats.json",
        "  prodline data schema --data examples/data/seattle-weather-2012.csv --output weather-schema.yaml",
        "  prodline data validate --data examples/data/seattle-weather-2015.csv --schema weather-schema.yaml",
        "  prodline data compare --baseline examples/data/seattle-weather-2012.csv \\",
        "      --current examples/data/seattle-weather-2015.csv --html drift.html",
        "  prodline data generate --rows 1000000 --columns 20 --output /tmp/synthetic.csv"})
final class DataCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
