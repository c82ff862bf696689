package io.prodline.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code prodline data}: look at data before training on it. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
        "Statistics of a data set, and synthetic data for experiments.",
        "",
        "Every statistic is computed in one streaming pass with mergeable sketches, so a file larger than memory",
        "works; see docs/statistics.md for the definitions."},
    subcommands = {DataStatsCommand.class, DataGenerateCommand.class},
    footer = {
        "",
        "Examples:",
        "  prodline data stats --data examples/data/seattle-weather.csv --output weather-stats.json",
        "  prodline data generate --rows 1000000 --columns 20 --output /tmp/synthetic.csv"})
final class DataCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
