package io.prodline.app;

import io.prodline.data.schema.InferenceOptions;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaInference;
import io.prodline.data.schema.SchemaYaml;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prodline data schema}: SchemaGen, a first schema for a person to review. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
        "Infer a schema from a data set or its statistics, as YAML for a person to review (SchemaGen).",
        "",
        "The YAML holds each column's type, kind (numeric or categorical), the least fraction of rows with a value,",
        "the allowed values of a string column (or of an int64 one named by --categorical) with few of them,",
        "and whether NaN and infinities may occur; edit and version it like code.",
        "",
        "What inference cannot know is left to you: environments (e.g. the label is absent at SERVING) and",
        "drift_comparator / skew_comparator thresholds. The format is in docs/validation.md. Then check new",
        "data against it with prodline data validate."},
    footer = {
        "",
        "Examples:",
        "  prodline data schema --data examples/data/seattle-weather-2012.csv --output weather-schema.yaml",
        "  prodline data stats --data examples/data/seattle-weather-2012.csv --output weather-2012.json",
        "  prodline data schema --stats weather-2012.json --infer-ranges --output weather-schema.yaml"})
final class DataSchemaCommand implements Callable<Integer> {
  /** Where the statistics come from: data to read, or statistics already written. */
  static final class Source {
    @Option(names = "--data", required = true, paramLabel = "LOCATION",
        description = "File, directory, glob or jdbc: URL to infer the schema from.")
    String data;

    @Option(names = "--stats", required = true, paramLabel = "FILE",
        description = "Statistics JSON written by prodline data stats --output, instead of --data.")
    Path stats;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--query", paramLabel = "SQL", description = "The SQL query of a jdbc: location.")
  String query;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "Write the schema YAML here.")
  Path output;

  @Option(names = "--infer-ranges",
      description = "Give numeric columns the observed [min, max] as their range (default: no range).")
  boolean inferRanges;

  @Option(names = "--max-domain-size", defaultValue = "100", paramLabel = "N",
      description = "Most distinct values a string column may have to get a domain (default: ${DEFAULT-VALUE}).")
  int maxDomainSize;

  @Mixin
  StatisticsReadOptions read;

  @Override
  public Integer call() {
    DatasetStatistics stats = source.stats != null
        ? InputStatistics.read(new DataInput(source.stats.toString(), null, "--query"), read)
        : InputStatistics.of(new DataInput(source.data, query, "--query"), read, StatisticsOptions.defaults());
    Schema schema = SchemaInference.infer(stats,
        InferenceOptions.defaults().withInferRanges(inferRanges).withMaxDomainSize(maxDomainSize));
    SchemaSummary.print(schema, System.out);
    OutputFiles.write(output, SchemaYaml.write(schema), "schema");
    System.out.println("Review it: add environments and drift or skew thresholds where you want them "
        + "(docs/validation.md).");
    return 0;
  }
}
