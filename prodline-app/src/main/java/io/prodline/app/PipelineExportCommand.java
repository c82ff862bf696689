package io.prodline.app;

import io.prodline.pipeline.export.ArgoExportOptions;
import io.prodline.pipeline.export.ArgoWorkflowCompiler;
import io.prodline.pipeline.export.ArtifactRoot;
import io.prodline.pipeline.export.WorkflowYaml;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prodline pipeline export}: the pipeline as a manifest for another orchestrator (Argo Workflows). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Compile the pipeline to an Argo Workflows manifest: one DAG task per step, each a container of the "
            + "same prodline image running 'prodline pipeline run-step'; retries and timeouts become Argo's.",
        "The image must hold prodline on its PATH and the pipeline file with the files it names.",
        "",
        "Examples:",
        "  prodline pipeline export examples/quickstart/pipeline.yaml --format argo \\",
        "      --image registry.example.com/ml/prodline:0.1.0 --artifact-root s3://ml-artifacts/pipelines \\",
        "      --output workflow.yaml && argo submit workflow.yaml",
        "  prodline pipeline export pipeline.yaml --format argo --artifact-root /mnt/prodline \\",
        "      --volume-claim prodline-artifacts --output workflow.yaml"})
final class PipelineExportCommand implements Callable<Integer> {
  /** The orchestrators a pipeline can be exported to. */
  enum Format { argo }

  @Parameters(paramLabel = "PIPELINE_YAML", description = "The pipeline file.")
  Path file;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "Manifest format: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Option(names = "--image", paramLabel = "IMAGE",
      description = "The prodline image every step runs in (default: ${DEFAULT-VALUE}).")
  String image = "prodline:latest";

  @Option(names = "--artifact-root", paramLabel = "URI",
      description = {"Where each run's outputs go (default: ${DEFAULT-VALUE}): s3://BUCKET/PREFIX (Argo moves them "
          + "as artifacts, with the endpoint and credentials of the namespace's artifact repository, whose bucket "
          + "this must be), or an absolute path or file: URI that every pod mounts (see --volume-claim)."})
  String artifactRoot = "s3://prodline/artifacts";

  @Option(names = "--volume-claim", paramLabel = "CLAIM",
      description = "A PersistentVolumeClaim to mount at a path --artifact-root in every pod (ReadWriteMany).")
  String volumeClaim;

  @Option(names = "--pipeline-in-image", paramLabel = "PATH",
      description = "Where the pipeline file lies in the image (default: PIPELINE_YAML as given, from the image's "
          + "working directory); the workflow's 'pipeline' parameter.")
  String pipelineInImage;

  @Option(names = "--metadata-url", paramLabel = "JDBC_URL",
      description = "The database every step opens for the model registry (the Evaluator's baseline, the Pusher); "
          + "default: a throw-away SQLite file in each pod.")
  String metadataUrl;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the manifest here (default: standard output).")
  Path output;

  @Override
  public Integer call() {
    Pipeline pipeline = PipelineYaml.load(file, ComponentRegistry.discover());
    ArgoExportOptions options = new ArgoExportOptions(image, ArtifactRoot.parse(artifactRoot),
        pipelineInImage == null ? file.toString().replace('\\', '/') : pipelineInImage,
        Optional.ofNullable(volumeClaim), Optional.ofNullable(metadataUrl));
    String yaml = WorkflowYaml.write(new ArgoWorkflowCompiler(options).compile(pipeline));
    if (output == null) {
      System.out.print(yaml);
    } else {
      OutputFiles.write(output, yaml, "Argo workflow");
    }
    return 0;
  }
}
