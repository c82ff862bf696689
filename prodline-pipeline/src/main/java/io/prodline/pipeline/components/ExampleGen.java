package io.prodline.pipeline.components;

import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.source.SpanFiles;
import io.prodline.data.source.SpannedSource;
import io.prodline.data.source.jdbc.JdbcSource;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.DataInput;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.train.split.HashSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a data set and splits it into train and eval by {@link HashSplit}: deterministic, so the same row lands
 * on the same side in every run. The data is a {@code path} (one CSV file, a {@code file} setting fingerprinted
 * by the runner) or a {@code location} that {@link DataSources} opens: a CSV, JSON-lines or Parquet file, a
 * directory or glob of span files, or a {@code jdbc:} URL with a {@code query}. Each span file's SHA-256 (or, for
 * JDBC, the SHA-256 of the rows the query returned) goes into the cache key and into lineage as a
 * {@code DataFile} input ({@link #dataInputs}), so the step is a cache hit for the same content under any path,
 * and a changed or added span re-runs it. Rows stream through batch by batch, so memory does not grow with the
 * data.
 */
public final class ExampleGen implements Component {
  @Override
  public String name() {
    return "ExampleGen";
  }

  @Override
  public int version() {
    return 2;
  }

  @Override
  public String description() {
    return "Reads a file, a directory or glob of spans, or a SQL query and splits the rows into train and eval by "
        + "a deterministic hash.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.optional("path", ParameterType.FILE,
            "One CSV file, relative to the pipeline file (or give location)."),
        Parameter.optional("location", ParameterType.STRING, "A CSV, JSON-lines (.jsonl, .ndjson, .json) or "
            + "Parquet file, a directory of such span files, a glob (data/span-*.csv), relative to the pipeline "
            + "file; or a jdbc: URL with query."),
        Parameter.optional("query", ParameterType.STRING, "The SQL query of a jdbc: location."),
        Parameter.withDefault("eval_fraction", 0.2, "Share of rows in the eval split, between 0 and 1."),
        Parameter.optional("split_key", ParameterType.STRING,
            "Column whose value decides the split (rows with equal keys stay together); default: the whole row."),
        Parameter.withDefault("seed", 0L, "Seed of the split's hash."));
  }

  @Override
  public List<String> check(StepConfig config) {
    List<String> problems = new ArrayList<>();
    boolean path = config.has("path");
    boolean location = config.has("location");
    if (path == location) {
      problems.add(path ? "give either 'path' or 'location', not both" : "needs setting 'location' (a file, "
          + "directory, glob or jdbc: URL) or 'path' (a CSV file)");
    } else if (location && isJdbc(config) != config.has("query")) {
      problems.add(isJdbc(config) ? "a jdbc: location needs setting 'query' (the SQL query)"
          : "setting 'query' applies only to a jdbc: location");
    } else if (location && !isJdbc(config)) {
      try {
        SpanFiles.resolve(location(config));
      } catch (RuntimeException e) {
        problems.add("location " + e.getMessage());
      }
    }
    return problems;
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(List.of(), List.of(Port.of("examples", ArtifactType.EXAMPLES)));
  }

  @Override
  public List<DataInput> dataInputs(StepConfig config) {
    if (!config.has("location")) {
      return List.of();
    }
    if (isJdbc(config)) {
      String query = config.string("query");
      try (DataSource source = DataSources.open(config.string("location"), options(config))) {
        RowsFingerprint rows = new RowsFingerprint(source.schema());
        source.forEach(rows::add);
        return List.of(new DataInput("query", jdbcUri(config), rows.hex()));
      }
    }
    List<DataInput> spans = new ArrayList<>();
    List<Path> files = SpanFiles.resolve(location(config)).files();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i).toAbsolutePath().normalize();
      spans.add(new DataInput(String.format(Locale.ROOT, "span-%05d", i), file.toString(),
          ContentFingerprint.sha256(file)));
    }
    return spans;
  }

  @Override
  public void run(StepContext context) throws Exception {
    StepConfig config = context.config();
    String what = config.has("path") ? config.file("path").toString()
        : isJdbc(config) ? jdbcUri(config) : location(config);
    String location = config.has("path") ? config.file("path").toString() : isJdbc(config)
        ? config.string("location") : location(config);
    HashSplit split = new HashSplit(config.number("eval_fraction"), config.optionalString("split_key").orElse(null),
        config.integer("seed"));
    long train = 0;
    long eval = 0;
    // Batch by batch: the hash split decides each row on its own, so memory stays one batch whatever the size.
    try (DataSource source = DataSources.open(location, options(config));
        ExamplesFolder.Writer examples = ExamplesFolder.writer(context.output("examples"), source.schema())) {
      RowsFingerprint rows = isJdbc(config) ? new RowsFingerprint(source.schema()) : null;
      for (Frame batch : source) {
        if (rows != null) {
          rows.add(batch);
        }
        HashSplit.Result sides = split.split(batch);
        examples.add(batch, sides.trainRows(), sides.evalRows());
        train += sides.trainRows().length;
        eval += sides.evalRows().length;
      }
      if (rows != null) {
        context.log().println("the query's rows have sha256 " + rows.hex());
      }
      if (source instanceof SpannedSource spanned) {
        spanned.spans().forEach(s -> context.log().printf("span %s: %d rows, sha256 %s%n", s.file(), s.rows(),
            s.sha256()));
      }
    }
    context.log().printf("read %d rows from %s: %d train, %d eval%n", train + eval, what, train, eval);
  }

  private static boolean isJdbc(StepConfig config) {
    return config.optionalString("location").map(l -> l.startsWith("jdbc:")).orElse(false);
  }

  /** A file location resolved against the pipeline file's directory (a glob's text included). */
  private static String location(StepConfig config) {
    return config.baseDirectory().resolve(config.string("location")).toAbsolutePath().normalize().toString();
  }

  private static String jdbcUri(StepConfig config) {
    return JdbcSource.withoutParameters(config.string("location")) + " query: " + config.string("query");
  }

  private static SourceOptions options(StepConfig config) {
    SourceOptions options = SourceOptions.defaults();
    return config.has("query") ? options.withQuery(config.string("query")) : options;
  }
}
