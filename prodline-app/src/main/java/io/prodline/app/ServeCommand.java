package io.prodline.app;

import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        "highest version, and at /v1/models/<name>/versions/<v>:predict with a chosen one. A version that fails",
        "to load is reported in GET /v1/models/<name> and does not stop the others. The Open Inference",
        "Protocol answers at /v2/models/<name>[/versions/<v>]/infer and as inference.GRPCInferenceService."},
    footer = {
        "",
        "Example:",
        "  prodline serve --models .prodline/models --rest-port 8501",
        "  curl -s localhost:8501/v1/models/breast_cancer",
        "  curl -s -X POST localhost:8501/v1/models/breast_cancer:predict -d '{\"instances\": [{...}]}'",
        "",
        "  prodline serve --models .prodline/models --rest-port 8501 --grpc-port 8001",
        "  curl -s localhost:8501/v2/models/breast_cancer",
        "  curl -s -X POST localhost:8501/v2/models/breast_cancer/infer \\",
        "    -d '{\"inputs\": [{\"name\": \"<input>\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}, ...]}'"})
final class ServeCommand implements Callable<Integer> {
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

  @Override
  public Integer call() throws InterruptedException {
    Path root = models != null ? models : Home.resolve(home).resolve("models");
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress(host))
        .start(restPort, grpcPort);
    String grpc = grpcPort == ModelServer.GRPC_OFF ? "" : " and gRPC " + host + ":" + server.actualGrpcPort();
    System.out.println("Serving " + server.modelNames() + " from " + root + " on http://" + host + ":"
        + server.actualPort() + grpc + " (Ctrl-C stops)");
    awaitShutdown(server);
    return 0;
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
