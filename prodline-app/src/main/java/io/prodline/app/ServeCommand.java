package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.NettyLeakDetection;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.ShutdownOptions;
import io.prodline.serving.Transport;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.repository.RepositoryOptions;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.batching.TfServingBatchingParameters;
import io.prodline.serving.metrics.TfServingMonitoringConfig;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.predictionlog.PredictionLogConfig;
import io.prodline.serving.tls.TfServingSslConfig;
import io.prodline.serving.tls.TlsConfig;
import io.prodline.serving.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
        "Serve every model under a model directory over TensorFlow Serving's REST API and the Open "
            + "Inference Protocol (KServe v2) over REST on the same port; with --grpc-port, both over gRPC on "
            + "that port.",
        "",
        "The directory is laid out as TensorFlow Serving and Triton expect: <models>/<name>/<version>/, each",
        "version a bundle written by 'prodline train' or a bare model: model.onnx (run by ONNX Runtime; a graph",
        "of one float32 input [N, d] is served as rows of features, any other tensor for tensor over the Open",
        "Inference Protocol), or model.json or model.ubj exactly as XGBoost saves them (evaluated by prodline's",
        "own Java trees, no native code). Each model answers at /v1/models/<name>:predict with its",
        "highest version, at /v1/models/<name>/versions/<v>:predict with a chosen one, and at",
        "/v1/models/<name>/labels/<label>:predict by label. A version that fails to load is reported in",
        "GET /v1/models/<name> and does not stop the others. The Open Inference Protocol answers at",
        "/v2/models/<name>[/versions/<v>]/infer and as inference.GRPCInferenceService; TensorFlow Serving's gRPC",
        "clients call tensorflow.serving.PredictionService (Predict, Classify, Regress, GetModelMetadata) and",
        "ModelService (GetModelStatus) on the same gRPC port.",
        "",
        "The directory is polled: a new version directory is loaded, warmed up and swapped in without a failed",
        "request, and the old one is unloaded once its requests have finished. A model config file sets, per model,",
        "the version policy (latest N, all, specific), labels and warm-up; see docs/serving.md."},
    footer = {
        "",
        "Beside the model API the REST port answers GET /healthz (liveness), GET /readyz (every model has a",
        "version that can serve) and GET /metrics (Prometheus, also at TF Serving's /monitoring/prometheus/metrics;",
        "both also on the management port, with its token), GET /v2/models/stats (Triton's statistics: rows,",
        "model calls, where requests' time went) and GET /dashboard, a live page of every loaded version drawn",
        "from those statistics: open http://localhost:8501/dashboard in a browser.",
        "Each request runs alone by default. --batch-max-delay-ms turns on dynamic batching for every model,",
        "whatever the protocol (/v1, /v2, gRPC): requests arriving while a batch runs wait up to that long for",
        "others and run as one model call of up to --batch-max-rows rows; when --batch-queue requests already",
        "wait, the next gets 429 with Retry-After. It pays off for models with a large cost per call. A model's",
        "own batching (batching in the model config file, or dynamic_batching in its Triton config.pbtxt) turns",
        "it on or off for that model alone.",
        "The server logs to standard error at the level PRODLINE_LOG_LEVEL names (default WARN; INFO shows each",
        "version loading, becoming available and unloading).",
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
        "    -d '{\"inputs\": [{\"name\": \"<input>\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}, ...]}'",
        "",
        "  # batch requests of up to 2 ms together; at most 1000 rows and 2 s per request",
        "  prodline serve --batch-max-delay-ms 2 --max-rows 1000 --request-timeout-ms 2000",
        "",
        "  # log every prediction for monitoring; TLS on every port (REST, gRPC, management)",
        "  prodline serve --prediction-log /var/log/prodline --tls-cert server.crt --tls-key server.key \\",
        "      --grpc-port 8001",
        "  curl -s --cacert server.crt https://localhost:8501/v1/models/breast_cancer",
        "",
        "  # mutual TLS: only clients with a certificate signed by clients-ca.crt get through",
        "  prodline serve --tls-cert server.crt --tls-key server.key --tls-client-ca clients-ca.crt",
        "  curl -s --cacert server.crt --cert client.crt --key client.key https://localhost:8501/v1/models/breast_cancer"})
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
      description = "Port of the gRPC services, the Open Inference Protocol's and TF Serving's, e.g. 8001 as "
          + "Triton uses or 8500 as TF Serving does (default: off; 0 picks a free one).")
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
          + "default: <models>/models.yaml if present), or TF Serving's models.config (model_config_list, as "
          + "--model_config_file reads it; then only the models it lists are served). Re-read at every scan.")
  Path modelConfig;

  @Option(names = "--management-port", paramLabel = "PORT",
      description = "Port of the management API (list, unload, reload, rollback, labels); off unless given.")
  Integer managementPort;

  @Option(names = "--management-token", paramLabel = "TOKEN",
      description = "Bearer token the management API requires (default: $PRODLINE_MANAGEMENT_TOKEN); at least "
          + "16 characters, e.g. from 'openssl rand -hex 32'. Prefer the variable: arguments show in 'ps'.")
  String managementToken;

  @Option(names = "--batch-max-rows", defaultValue = "" + BatchingConfig.DEFAULT_MAX_ROWS, paramLabel = "ROWS",
      description = "Most rows in one batched model call (default: ${DEFAULT-VALUE}).")
  int batchMaxRows;

  @Option(names = "--batch-max-delay-ms", paramLabel = "MS",
      description = "Turns on dynamic batching: the longest a request waits for others to join its batch while "
          + "every worker is busy; 0 lets it wait until a worker is free (default: no batching).")
  Long batchMaxDelayMillis;

  @Option(names = "--batch-queue", defaultValue = "" + BatchingConfig.DEFAULT_QUEUE_CAPACITY, paramLabel = "N",
      description = "Requests that may wait per model version before answering 429 (default: ${DEFAULT-VALUE}).")
  int batchQueue;

  @Option(names = "--batching-parameters", paramLabel = "FILE",
      description = "TF Serving's batching parameters file (--batching_parameters_file: max_batch_size, "
          + "batch_timeout_micros, max_enqueued_batches in protobuf text format); turns dynamic batching on, its "
          + "fields taking the place of the --batch-* options. See docs/serving.md.")
  Path batchingParameters;

  @Option(names = "--monitoring-config", paramLabel = "FILE",
      description = "TF Serving's monitoring config file (--monitoring_config_file, protobuf text format): the "
          + "Prometheus metrics are also served at its prometheus_config.path, beside /metrics and "
          + "/monitoring/prometheus/metrics.")
  Path monitoringConfig;

  @Option(names = "--max-rows", defaultValue = "" + RequestLimits.DEFAULT_MAX_ROWS, paramLabel = "ROWS",
      description = "Most instances in one request; more get 400 (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(names = "--strict-readiness", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Ready (/readyz, /v2/health/ready, gRPC health) only when every model has an available "
          + "version, as Triton by default. --no-strict-readiness: ready whenever the server runs, so one model "
          + "that cannot load does not take the whole server out of its load balancer (default: strict).")
  boolean strictReadiness;

  @Option(names = "--shutdown-delay-seconds", defaultValue = "0", paramLabel = "S",
      description = "On SIGTERM, keep the ports open and answering for S seconds while readiness says 503 and gRPC "
          + "health NOT_SERVING, so a load balancer or Kubernetes stops sending first; set it to the readiness "
          + "probe's period times its failure threshold (default: ${DEFAULT-VALUE}).")
  long shutdownDelaySeconds;

  @Option(names = "--drain-timeout-seconds", defaultValue = "10", paramLabel = "S",
      description = "Then, with the ports closed, how long requests already taken may take (default: "
          + "${DEFAULT-VALUE}).")
  long drainTimeoutSeconds;

  @Option(names = "--request-timeout-ms", defaultValue = "30000", paramLabel = "MS",
      description = "Time a request may take before it is answered 504; a gRPC client's earlier deadline "
          + "applies instead (default: ${DEFAULT-VALUE}).")
  long requestTimeoutMillis;

  @Option(names = "--idle-timeout-seconds", defaultValue = "60", paramLabel = "S",
      description = "How long a REST connection may send nothing: one in the middle of a request then gets 408, "
          + "one between requests is closed, one waiting for its answer is left alone; 0 for never (default: "
          + "${DEFAULT-VALUE}, as nginx's client_body_timeout).")
  long idleTimeoutSeconds;

  @Option(names = "--max-body-bytes", defaultValue = "" + ServerConfig.DEFAULT_MAX_BODY_BYTES, paramLabel = "BYTES",
      description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(names = "--allow-nan",
      description = "Accept NaN and Infinity for float inputs (as missing values) instead of answering 400, for "
          + "models whose allow_nan in the model config file does not say.")
  boolean allowNaN;

  @Option(names = "--prediction-log", paramLabel = "DIR",
      description = "Log every prediction as JSON lines into DIR (predictions-<day>-<n>.jsonl; see "
          + "docs/serving.md). Off by default.")
  Path predictionLog;

  @Option(names = "--prediction-log-queue", defaultValue = "" + PredictionLogConfig.DEFAULT_QUEUE_CAPACITY,
      paramLabel = "N", description = "Records that may wait for the log writer before new ones are dropped and "
          + "counted (default: ${DEFAULT-VALUE}).")
  int predictionLogQueue;

  @Option(names = "--prediction-log-file-mb", defaultValue = "256", paramLabel = "MB",
      description = "Size at which a log file is closed and the next started; files also change each UTC day "
          + "(default: ${DEFAULT-VALUE}).")
  long predictionLogFileMb;

  @Option(names = "--tls-cert", paramLabel = "PEM",
      description = "Serve TLS with this certificate chain (PEM) on every port: HTTPS for REST and the "
          + "management API, TLS for gRPC; needs --tls-key.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM",
      description = "The certificate's unencrypted PKCS#8 private key (PEM, BEGIN PRIVATE KEY).")
  Path tlsKey;

  @Option(names = "--tls-client-ca", paramLabel = "PEM",
      description = "Mutual TLS: every port then requires a client certificate signed by this authority (PEM; "
          + "several certificates may be concatenated); connections without one fail in the handshake. "
          + "Needs --tls-cert.")
  Path tlsClientCa;

  @Option(names = "--ssl-config", paramLabel = "FILE",
      description = "TF Serving's SSL config file (--ssl_config_file: server_key, server_cert, custom_ca and "
          + "client_verify in protobuf text format, the PEM texts inline): TLS on the gRPC port only, as in TF "
          + "Serving, the REST port staying plaintext. Instead of --tls-cert and --tls-key.")
  Path sslConfig;

  @Option(names = "--tls-reload-seconds", paramLabel = "S", defaultValue = "60",
      description = "Read the TLS files again every S seconds and present renewed ones to new connections without "
          + "a restart (cert-manager, Kubernetes secrets); a certificate whose key is not written yet waits for it. "
          + "0 reads them only at start (default: ${DEFAULT-VALUE}).")
  long tlsReloadSeconds;

  @Option(names = "--worker-threads", paramLabel = "N",
      description = "Threads running predictions (decoding, the model, encoding); models are CPU-bound, so more "
          + "than the cores only adds waiting (default: one per core).")
  Integer workerThreads;

  @Option(names = "--worker-queue", defaultValue = "" + ServerConfig.DEFAULT_WORKER_QUEUE, paramLabel = "N",
      description = "Predictions that may wait for a worker; beyond that a request gets 503 at once instead of "
          + "waiting (default: ${DEFAULT-VALUE}).")
  int workerQueue;

  @Option(names = "--io-threads", paramLabel = "N",
      description = "Event loops reading and writing REST and management connections; they never run a model "
          + "(default: half as many as cores, at least 1).")
  Integer ioThreads;

  @Option(names = "--transport", defaultValue = "auto", paramLabel = "NAME",
      description = "Socket implementation of the REST and management ports: auto (default: io_uring where the "
          + "kernel allows it, else epoll, else nio), io_uring, epoll or nio. io_uring makes fewer system calls "
          + "per request; choose epoll to rule it out.")
  String transport;

  @Override
  public Integer call() throws InterruptedException {
    Path root = models != null ? models : Home.resolve(home).resolve("models");
    // This process only serves, so Netty's leak sampling is pure overhead here (see NettyLeakDetection).
    NettyLeakDetection.disableUnlessConfigured();
    ServerConfig config = config(root);
    LogSetup.routeJavaUtilLogging();
    ModelServer server = new ModelServer(config).start(restPort, grpcPort);
    System.out.println("Serving " + server.modelNames() + " from " + root + " on "
        + (tlsCert == null ? "http" : "https") + "://" + host + ":" + server.actualPort()
        + (grpcPort == ModelServer.GRPC_OFF ? "" : " and gRPC " + host + ":" + server.actualGrpcPort()
            + (tlsCert == null && sslConfig == null ? "" : " (TLS)"))
        + (pollSeconds > 0 ? ", polling every " + pollSeconds + " s" : "")
        + (config.batching().enabled() ? ", dynamic batching " + config.batching().describe() : "")
        + (managementPort != null ? ", management API on " + (tlsCert == null ? "http" : "https") + " port "
            + server.managementPort() : "")
        + " (Ctrl-C stops)");
    awaitShutdown(server);
    return 0;
  }

  /** The server configuration the options describe; a bad value is a usage error naming the option. */
  ServerConfig config(Path root) {
    // Named here by their options: the server's own checks would name its fields (ioThreads, queueCapacity).
    atLeast("--poll-seconds", pollSeconds, 0);
    atLeast("--shutdown-delay-seconds", shutdownDelaySeconds, 0);
    atLeast("--drain-timeout-seconds", drainTimeoutSeconds, 0);
    atLeast("--idle-timeout-seconds", idleTimeoutSeconds, 0);
    atLeast("--tls-reload-seconds", tlsReloadSeconds, 0);
    atLeast("--request-timeout-ms", requestTimeoutMillis, 1);
    atLeast("--max-body-bytes", maxBodyBytes, 1);
    atLeast("--max-rows", maxRows, 1);
    atLeast("--batch-max-rows", batchMaxRows, 1);
    atLeast("--batch-queue", batchQueue, 1);
    atLeast("--worker-queue", workerQueue, 1);
    atLeast("--prediction-log-queue", predictionLogQueue, 1);
    atLeast("--prediction-log-file-mb", predictionLogFileMb, 1);
    if (batchMaxDelayMillis != null) {
      atLeast("--batch-max-delay-ms", batchMaxDelayMillis, 0);
    }
    if (workerThreads != null) {
      atLeast("--worker-threads", workerThreads, 1);
    }
    if (ioThreads != null) {
      atLeast("--io-threads", ioThreads, 1);
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together; give both or neither");
    }
    if (sslConfig != null && tlsCert != null) {
      throw new ParameterException(spec.commandLine(), "--ssl-config and --tls-cert both say what TLS presents; "
          + "give one of them");
    }
    if (tlsClientCa != null && tlsCert == null) {
      throw new ParameterException(spec.commandLine(), "--tls-client-ca checks client certificates during the TLS "
          + "handshake, so it needs the server's own --tls-cert and --tls-key");
    }
    ManagementOptions management = management();
    try {
      ServerConfig defaults = ServerConfig.defaults(root);
      return defaults
          .withBindAddress(host)
          .withRepository(RepositoryOptions.oneShot()
              .withPollInterval(Duration.ofSeconds(pollSeconds))
              .withModelConfig(modelConfig))
          .withManagement(management)
          .withMaxBodyBytes(maxBodyBytes)
          .withIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
          .withBatching(batching())
          .withLimits(new RequestLimits(maxRows, Duration.ofMillis(requestTimeoutMillis), allowNaN))
          .withShutdown(new ShutdownOptions(Duration.ofSeconds(shutdownDelaySeconds),
              Duration.ofSeconds(drainTimeoutSeconds)))
          .withStrictReadiness(strictReadiness)
          .withPredictionLog(predictionLog == null ? PredictionLogConfig.OFF
              : new PredictionLogConfig(predictionLog, predictionLogQueue, predictionLogFileMb * 1024 * 1024))
          .withTls(tls())
          .withTransport(transport())
          .withWorkers(workerThreads != null ? workerThreads : defaults.workerThreads(), workerQueue)
          .withIoThreads(ioThreads != null ? ioThreads : defaults.ioThreads())
          .withMetricsPath(metricsPath());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid server option: " + e.getMessage());
    } catch (ProdlineException e) {
      // A TF Serving configuration file given as an option could not be used: the message names it.
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void atLeast(String option, long value, long least) {
    if (value < least) {
      throw new ParameterException(spec.commandLine(), option + " must be " + least + " or more, got " + value);
    }
  }

  /** What TLS presents: the PEM files, TF Serving's SSL config file, or nothing. */
  private TlsSettings tls() {
    Duration reloadEvery = Duration.ofSeconds(tlsReloadSeconds);
    if (sslConfig != null) {
      return TfServingSslConfig.of(sslConfig, reloadEvery);
    }
    return tlsCert == null ? null : new TlsConfig(tlsCert, tlsKey, tlsClientCa).withReloadEvery(reloadEvery);
  }

  /** The extra path TF Serving's monitoring config file sets for the metrics, if one was given. */
  private Optional<String> metricsPath() {
    return monitoringConfig == null ? Optional.empty() : TfServingMonitoringConfig.path(monitoringConfig);
  }

  /** The --batch-* options, or TF Serving's batching parameters file in their place where it sets a field. */
  private BatchingConfig batching() {
    BatchingConfig options = new BatchingConfig(batchMaxDelayMillis != null, batchMaxRows,
        batchMaxDelayMillis == null ? BatchingConfig.DEFAULT_MAX_DELAY : Duration.ofMillis(batchMaxDelayMillis),
        batchQueue);
    if (batchingParameters == null) {
      return options;
    }
    TfServingBatchingParameters.Read read = TfServingBatchingParameters.read(batchingParameters, options);
    for (String ignored : read.ignored()) {
      System.err.println("prodline: " + batchingParameters + ": " + ignored + " read past");
    }
    return read.config();
  }

  private Transport transport() {
    try {
      return Transport.named(transport);
    } catch (ProdlineException e) {
      throw new ParameterException(spec.commandLine(), "--transport: " + e.getMessage());
    }
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
