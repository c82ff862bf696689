package io.prodline.pipeline.components;

import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.train.split.HashSplit;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file and splits it into train and eval by {@link HashSplit}: deterministic, so the same row lands
 * on the same side in every run. The file is fingerprinted by the runner (as a {@code file} setting), which makes
 * the step a cache hit for the same content under any path.
 */
public final class ExampleGen implements Component {
  @Override
  public String name() {
    return "ExampleGen";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Reads a CSV file and splits it into train and eval by a deterministic hash.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.required("path", ParameterType.FILE, "The CSV file, relative to the pipeline file."),
        Parameter.withDefault("eval_fraction", 0.2, "Share of rows in the eval split, between 0 and 1."),
        Parameter.optional("split_key", ParameterType.STRING,
            "Column whose value decides the split (rows with equal keys stay together); default: the whole row."),
        Parameter.withDefault("seed", 0L, "Seed of the split's hash."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(List.of(), List.of(Port.of("examples", ArtifactType.EXAMPLES)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    StepConfig config = context.config();
    Path file = config.file("path");
    try (CsvSource source = CsvSource.open(file)) {
      Frame frame = source.readAll();
      HashSplit.Result split = new HashSplit(config.number("eval_fraction"),
          config.optionalString("split_key").orElse(null), config.integer("seed")).split(frame);
      ExamplesFolder.write(context.output("examples"), frame, source.schema(), split.trainRows(),
          split.evalRows());
      context.log().printf("read %d rows from %s: %d train, %d eval%n", frame.rowCount(), file,
          split.trainRows().length, split.evalRows().length);
    }
  }
}
