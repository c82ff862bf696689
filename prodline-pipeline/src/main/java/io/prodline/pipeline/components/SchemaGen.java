package io.prodline.pipeline.components;

import io.prodline.data.schema.InferenceOptions;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaInference;
import io.prodline.data.schema.SchemaYaml;
import io.prodline.data.stats.StatisticsJson;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Infers a first schema from the train split's statistics ({@link SchemaInference}). A starting point for a
 * person to review: once curated, commit it and switch the step to {@link ImportSchemaGen}, so that the schema
 * changes only when someone decides it should.
 */
public final class SchemaGen implements Component {
  @Override
  public String name() {
    return "SchemaGen";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Infers a schema from the train split's statistics.";
  }

  @Override
  public List<Parameter> parameters() {
    InferenceOptions d = InferenceOptions.defaults();
    return List.of(
        Parameter.withDefault("max_domain_size", (long) d.maxDomainSize(),
            "Most distinct values a string feature may have to get a domain."),
        Parameter.withDefault("infer_ranges", d.inferRanges(),
            "Whether numeric features get the observed [min, max] as their allowed range."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(List.of(Port.of("statistics", ArtifactType.STATISTICS)),
        List.of(Port.of("schema", ArtifactType.SCHEMA)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    Path stats = StatisticsGen.file(context.input("statistics").path(), ExamplesFolder.TRAIN);
    InferenceOptions options = new InferenceOptions((int) context.config().integer("max_domain_size"),
        context.config().bool("infer_ranges"));
    Schema schema = SchemaInference.infer(StatisticsJson.read(Files.readString(stats)), options);
    Path out = Files.createDirectories(context.output("schema"));
    SchemaYaml.write(schema, SchemaFolder.file(out));
    context.log().println("inferred a schema of " + schema.features().size() + " features");
  }
}
