package io.prodline.pipeline.components;

import io.prodline.data.source.csv.CsvSource;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsJson;
import io.prodline.data.stats.StatisticsOptions;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Computes per-feature statistics of each split in one streaming pass: {@code train.json} and {@code eval.json}.
 * The int64 columns listed in {@code categorical} (codes, ids, ratings) are summarised like strings, so that
 * SchemaGen gives them a domain and ExampleValidator checks it.
 */
public final class StatisticsGen implements Component {
  /** The file of a split's statistics inside a Statistics artifact. */
  public static Path file(Path folder, String split) {
    return folder.resolve(split + ".json");
  }

  @Override
  public String name() {
    return "StatisticsGen";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Computes per-feature statistics of the train and eval splits.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.optional("categorical", ParameterType.STRING_LIST,
        "Int64 columns whose values are labels (codes, ids, ratings): value counts instead of quantiles."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(List.of(Port.of("examples", ArtifactType.EXAMPLES)),
        List.of(Port.of("statistics", ArtifactType.STATISTICS)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    Path examples = context.input("examples").path();
    Path out = Files.createDirectories(context.output("statistics"));
    StatisticsOptions options = StatisticsOptions.defaults();
    if (context.config().has("categorical")) {
      options = options.withCategoricalColumns(Set.copyOf(context.config().strings("categorical")));
    }
    for (String split : List.of(ExamplesFolder.TRAIN, ExamplesFolder.EVAL)) {
      try (CsvSource source = ExamplesFolder.open(examples, split)) {
        DatasetStatistics stats = new StatisticsCollector(options).collect(source.iterator());
        Files.writeString(file(out, split), StatisticsJson.write(stats));
      }
      context.log().println("wrote statistics of the " + split + " split");
    }
  }
}
