package io.prodline.pipeline.components;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.BundleReader;
import io.prodline.metadata.registry.Audit;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.ModelVersion;
import io.prodline.metadata.registry.NewModelVersion;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ships a blessed model: registers it as the next version in the registry (its {@code uri} is the Model artifact,
 * an immutable folder), points the alias (default {@code champion}) at it, and projects the serving model directory
 * from the registry ({@link ServingDirectory}): {@code <serving_dir>/<model>/<version>/}, with the registry's version
 * in its {@code bundle.yaml}. Pushing is idempotent: a model whose fingerprint is already registered reuses that
 * version, and projecting twice changes nothing, so a re-run after a crash between two of these moves finishes the
 * job instead of adding a version. Without both blessings it pushes nothing and says why in its output.
 */
public final class Pusher implements Component {
  public static final String RESULT_FILE = "pushed.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "Pusher";
  }

  @Override
  public int version() {
    return 2;
  }

  @Override
  public String description() {
    return "Registers a blessed model and publishes it to the serving model directory.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.optional("serving_dir", ParameterType.STRING,
            "The serving model directory (relative to the pipeline file); default: <home>/models."),
        Parameter.withDefault("alias", ModelRegistry.CHAMPION, "The registry alias pointed at the pushed version."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(
        List.of(Port.of("model", ArtifactType.MODEL), Port.of("blessing", ArtifactType.MODEL_BLESSING),
            Port.optional("infra_blessing", ArtifactType.INFRA_BLESSING)),
        List.of(Port.of("pushed", ArtifactType.PUSHED_MODEL)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    InputArtifact model = context.input("model");
    ObjectNode result = JSON.createObjectNode();
    String refusal = refusal(context);
    if (refusal != null) {
      result.put("pushed", false).put("reason", refusal);
    } else {
      BundleManifest manifest = BundleReader.read(model.path()).manifest();
      ServingDirectory serving = new ServingDirectory(context.config().optionalString("serving_dir")
          .map(d -> context.config().baseDirectory().resolve(d))
          .orElse(context.home().resolve("models")));
      Audit audit = new Audit("prodline pipeline", "pushed by run " + context.runId() + ", step "
          + context.stepName());
      ModelVersion version = register(context.registry(), manifest, model, context.runId(), audit);
      String alias = context.config().string("alias");
      context.registry().setAlias(manifest.name(), alias, version.version(), audit);
      serving.adopt(context.registry(), manifest.name(), alias, audit);
      serving.project(context.registry(), manifest.name(), alias);
      result.put("pushed", true).put("model", manifest.name()).put("version", version.version())
          .put("uri", version.uri()).put("alias", alias)
          .put("serving_dir", serving.root().resolve(manifest.name()).resolve(Integer.toString(version.version()))
              .toString());
    }
    Path out = Files.createDirectories(context.output("pushed"));
    Files.writeString(out.resolve(RESULT_FILE), result.toPrettyString());
    context.log().println("push: " + result);
  }

  /** Why the model must not be pushed, or null when both blessings say yes. */
  private static String refusal(StepContext context) throws java.io.IOException {
    if (!Evaluator.blessed(context.input("blessing").path())) {
      return "the Evaluator did not bless the model; see its " + Evaluator.BLESSING_FILE;
    }
    Optional<InputArtifact> infra = context.optionalInput("infra_blessing");
    if (infra.isPresent() && !InfraValidator.blessed(infra.get().path())) {
      return "the InfraValidator did not bless the model; see its " + InfraValidator.RESULT_FILE;
    }
    return null;
  }

  private static ModelVersion register(ModelRegistry registry, BundleManifest manifest, InputArtifact model,
      String runId, Audit audit) throws java.io.IOException {
    if (registry.model(manifest.name()).isPresent()) {
      Optional<ModelVersion> known = registry.versions(manifest.name()).stream()
          .filter(v -> v.bundleFingerprint().equals(model.fingerprint())).findFirst();
      if (known.isPresent()) {
        return known.get();
      }
    }
    return registry.registerVersion(manifest.name(), new NewModelVersion(model.fingerprint(),
        model.path().toString(), runId, null, JSON.writeValueAsString(manifest.metrics())), audit);
  }
}
