package io.prodline.pipeline.components;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.transform.FittedTransform;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Schema;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.train.transform.TransformFitter;
import io.prodline.train.transform.TransformSpec;
import io.prodline.train.transform.TransformSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fits a feature transform spec ({@link TransformSpecReader}'s YAML) on the train split with
 * {@link TransformFitter} and writes the TransformGraph: {@code transform.json} (the fitted transform, as a bundle
 * holds it) and {@code transform.yaml} (the spec). The spec is a {@code file} setting, so its content is in the
 * cache key and lineage. With a Schema connected, every column the spec reads must be a feature of the schema.
 * A Trainer given this output trains on exactly this fitted transform.
 */
public final class Transform implements Component {
  @Override
  public String name() {
    return "Transform";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Fits a feature transform spec on the train split and writes the fitted transform graph.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.required("spec", ParameterType.FILE,
        "The transform spec (YAML: features with steps, see docs/transforms.md), relative to the pipeline file."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(
        List.of(Port.of("examples", ArtifactType.EXAMPLES), Port.optional("schema", ArtifactType.SCHEMA)),
        List.of(Port.of("transform", ArtifactType.TRANSFORM_GRAPH)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    Path specFile = context.config().file("spec");
    TransformSpec spec = TransformSpecReader.read(specFile);
    Optional<InputArtifact> schemaInput = context.optionalInput("schema");
    if (schemaInput.isPresent()) {
      Schema schema = SchemaFolder.read(schemaInput.get().path());
      Set<String> features = new TreeSet<>(schema.features().stream().map(FeatureSchema::name).toList());
      Set<String> unknown = new TreeSet<>(spec.inputs());
      unknown.removeAll(features);
      if (!unknown.isEmpty()) {
        throw new ProdlineException(specFile + " reads " + unknown + ", which the schema does not have; its "
            + "features are " + features);
      }
    }
    Frame train = ExamplesFolder.read(context.input("examples").path(), ExamplesFolder.TRAIN);
    FittedTransform fitted = TransformFitter.fit(spec, train);
    Path out = Files.createDirectories(context.output("transform"));
    fitted.write(out.resolve(TransformGraphFolder.TRANSFORM));
    Files.copy(specFile, out.resolve(TransformGraphFolder.SPEC));
    context.log().println("fitted " + specFile + " on " + train.rowCount() + " train rows: " + fitted.inputs().size()
        + " inputs, " + fitted.width() + " outputs");
  }
}
