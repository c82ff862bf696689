package io.prodline.pipeline.components;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.error.ProdlineException;
import io.prodline.data.report.HtmlReports;
import io.prodline.data.schema.Schema;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsJson;
import io.prodline.data.validation.Anomaly;
import io.prodline.data.validation.Severity;
import io.prodline.data.validation.ValidationOptions;
import io.prodline.data.validation.ValidationResult;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks both splits' statistics against the schema ({@link io.prodline.data.validation.ExampleValidator}) and
 * writes {@code anomalies.json} (split → anomalies) and one HTML report per split ({@code train.html},
 * {@code eval.html}). The {@code policy} decides what an error-severity anomaly does: {@code fail} fails the step,
 * and so the run (exit status 1) and any step reading its anomalies; the anomalies are in the step log, since a
 * failed step publishes nothing. {@code warn} lets the pipeline go on and only reports them.
 */
public final class ExampleValidator implements Component {
  public static final String ANOMALIES_FILE = "anomalies.json";
  static final String FAIL = "fail";
  static final String WARN = "warn";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "ExampleValidator";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Validates the splits' statistics against the schema; fails or warns on anomalies by policy.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.withDefault("policy", FAIL,
        "What an error anomaly does: fail (the step fails, nothing downstream runs) or warn (reported only)."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(
        List.of(Port.of("statistics", ArtifactType.STATISTICS), Port.of("schema", ArtifactType.SCHEMA)),
        List.of(Port.of("anomalies", ArtifactType.ANOMALIES)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    String policy = context.config().string("policy");
    if (!policy.equals(FAIL) && !policy.equals(WARN)) {
      throw new ProdlineException("policy must be '" + FAIL + "' or '" + WARN + "', got '" + policy + "'");
    }
    Schema schema = SchemaFolder.read(context.input("schema").path());
    Path out = Files.createDirectories(context.output("anomalies"));
    ObjectNode all = JSON.createObjectNode();
    List<String> errors = new ArrayList<>();
    for (String split : List.of(ExamplesFolder.TRAIN, ExamplesFolder.EVAL)) {
      DatasetStatistics stats = StatisticsJson.read(Files.readString(
          StatisticsGen.file(context.input("statistics").path(), split)));
      ValidationResult result = io.prodline.data.validation.ExampleValidator.validate(stats, schema,
          ValidationOptions.defaults());
      all.set(split, JSON.valueToTree(result));
      Files.writeString(out.resolve(split + ".html"),
          HtmlReports.validation("Validation of the " + split + " split", stats, result));
      for (Anomaly a : result.anomalies()) {
        context.log().println(split + ": " + a.severity() + " " + a.description());
        if (a.severity() == Severity.ERROR) {
          errors.add(split + ": " + a.description());
        }
      }
    }
    Files.writeString(out.resolve(ANOMALIES_FILE), JSON.writeValueAsString(all));
    if (!errors.isEmpty() && policy.equals(FAIL)) {
      throw new ProdlineException(errors.size() + (errors.size() == 1 ? " anomaly" : " anomalies")
          + " against the schema (policy fail): " + String.join("; ", errors.subList(0, Math.min(3, errors.size())))
          + (errors.size() > 3 ? "; … see the step log" : ""));
    }
    context.log().println(errors.isEmpty() ? "no error anomalies" : errors.size() + " error anomalies, policy warn");
  }
}
