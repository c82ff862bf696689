package io.prodline.app;

import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.repository.RepositoryOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prodline serve}: the model server. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serve every model bundle under a model directory over TensorFlow Serving's REST API and the Open",
        "Inference Protocol (KServe v2): over REST on the same port, and over gRPC on --grpc-port when given.",
        "",
        "The directory is laid out as TensorFlow Serving and Triton expect: <models>/<name>/<version>/, each",
        "version a bundle written by 'prodline train'. Each model answers at /v1/models/<name>:predict with its",
        "highest version, at /v1/models/<name>/versions/<v>:predict with a chosen one, and at",
        "/v1/models/<name>/labels/<label>:predict by label. A version that fails to load is reported in",
        "GET /v1/models/<name> and does not stop the others. The Open Inference Protocol answers at",
        "/v2/models/<name>[/versions/<v>]/infer and as inference.GRPCInferenceService.",
        "",
        "The directory is polled: a new version directory is loaded, warmed up and swapped in without a failed",
        "request, and the old one is unloaded once its requests have finished. A model config file sets, per model,",
        "the version policy (latest N, all, specific), labels and warm-up; see docs/serving.md."},
    footer = {
        "",
        "Examples:",
        "  prodline serve --models .prodline/models --rest-port 8501",
        "  curl -s localhost:8501/v1/models/breast_cancer",
        "  curl -s -X POST localhost:8501/v1/models/breast_cancer:predict -d '{\"instances\": [{...}]}'",
        "",
        "  prodline serve --models models --model-config models.yaml --poll-seconds 5 \\",
        "      --management-port 8503 --management-token \"$(openssl rand -hex 32)\"",
        "  curl -s -H \"Authorization: Bearer $TOKEN\" localhost:8503/models",
        "  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" localhost:8503/models/breast_cancer:rollback",
        "",
        "  prodline serve --models .prodline/models --rest-port 8501 --grpc-port 8001",
        "  curl -s localhost:8501/v2/models/breast_cancer",
        "  curl -s -X POST localhost:8501/v2/models/breast_cancer/infer \\",
        "    -d '{\"inputs\": [{\"name\": \"<input>\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}, ...]}'"})
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--models", paramLabel = "DIR",
      description = "Model directory (default: <home>/models).")
  Path models;

  @Option(names = "--home", paramLabel = "DIR",
      description = "prodline's home directory (default: $PRODLINE_HOME, else ./.prodline).")
  Path home;

  @Option(names = "--rest-port", defaultValue = "8501", paramLabel = "PORT",
      description = "Port of the REST API (default: ${DEFAULT-VALUE}, as TensorFlow Serving; 0 picks a free one).")
  int restPort;

  @Option(names = "--grpc-port", defaultValue = "-1", paramLabel = "PORT",
      description = "Port of the Open Inference Protocol's gRPC service, e.g. 8001 as Triton uses "
          + "(default: off; 0 picks a free one).")
  int grpcPort;

  @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, all interfaces).")
  String host;

  @Option(names = "--poll-seconds", defaultValue = "2", paramLabel = "SECONDS",
      description = "Seconds between scans of the model directory for new and removed versions "
          + "(default: ${DEFAULT-VALUE}; 0 scans once at start).")
  long pollSeconds;

  @Option(names = "--model-config", paramLabel = "FILE",
      description = "Model config file (YAML: version_policy, labels, warmup per model; "
          + "default: <models>/models.yaml if present). Re-read at every scan.")
  Path modelConfig;

  @Option(names = "--management-port", paramLabel = "PORT",
      description = "Port of the management API (list, unload, reload, rollback, labels); off unless given.")
  Integer managementPort;

  @Option(names = "--management-token", paramLabel = "TOKEN",
      description = "Bearer token the management API requires (default: $PRODLINE_MANAGEMENT_TOKEN); at least "
          + "16 characters, e.g. from 'openssl rand -hex 32'. Prefer the variable: arguments show in 'ps'.")
  String managementToken;

  @Override
  public Integer call() throws InterruptedException {
    Path root = models != null ? models : Home.resolve(home).resolve("models");
    if (pollSeconds < 0) {
      throw new ParameterException(spec.commandLine(), "--poll-seconds must be 0 or more, got " + pollSeconds);
    }
    RepositoryOptions repository = RepositoryOptions.oneShot()
        .withPollInterval(Duration.ofSeconds(pollSeconds))
        .withModelConfig(modelConfig);
    ServerConfig config = ServerConfig.defaults(root).withBindAddress(host).withRepository(repository)
        .withManagement(management());
    ModelServer server = new ModelServer(config).start(restPort, grpcPort);
    System.out.println("Serving " + server.modelNames() + " from " + root + " on http://" + host + ":"
        + server.actualPort()
        + (grpcPort == ModelServer.GRPC_OFF ? "" : " and gRPC " + host + ":" + server.actualGrpcPort())
        + (pollSeconds > 0 ? ", polling every " + pollSeconds + " s" : "")
        + (managementPort != null ? ", management API on port " + server.managementPort() : "")
        + " (Ctrl-C stops)");
    awaitShutdown(server);
    return 0;
  }

  private ManagementOptions management() {
    if (managementPort == null) {
      return ManagementOptions.DISABLED;
    }
    String token = managementToken != null ? managementToken : System.getenv("PRODLINE_MANAGEMENT_TOKEN");
    try {
      return ManagementOptions.on(managementPort, token);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Blocks until the JVM is asked to stop, then drains the server. */
  static void awaitShutdown(ModelServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "prodline-shutdown"));
    stopped.await();
  }
}
