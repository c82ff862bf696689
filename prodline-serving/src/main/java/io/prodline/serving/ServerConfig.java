package io.prodline.serving;

import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.predictionlog.PredictionLogConfig;
import io.prodline.serving.repository.RepositoryOptions;
import io.prodline.serving.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a {@link ModelServer} runs; the REST and gRPC ports are given to {@link ModelServer#start(int, int)}, the
 * management port is part of {@link #management()}.
 *
 * @param modelRoot the model repository, laid out as {@code <root>/<name>/<version>/}
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param maxBodyBytes largest accepted request body (and gRPC message); larger ones get 413, which bounds the
 *     memory one request takes
 * @param workerThreads threads running predictions (models are CPU-bound, so more than the cores only adds waiting)
 * @param workerQueue predictions that may wait for a worker; beyond that requests get 503 instead of piling up
 * @param shutdown how {@link ModelServer#stop()} lets go of traffic: the delay before the ports close, then how
 *     long requests in flight may take
 * @param repository how the model root is followed: poll interval, model config file, swap policy
 * @param management whether and where the management API listens, and its token
 * @param limits rows per request, request timeout and NaN acceptance
 * @param batching dynamic batching per model version ({@link BatchingConfig#OFF} for none)
 * @param predictionLog where every prediction is logged ({@link PredictionLogConfig#OFF} for nowhere)
 * @param tls the certificate and key the ports present (every port, or gRPC alone when
 *     {@link TlsSettings#grpcOnly()}), or {@code null} for plaintext
 * @param strictReadiness ready only when every model has an available version (Triton's default, and this one's);
 *     false: ready whenever the server runs and is not stopping, so one model that cannot load does not take the
 *     whole server out of its load balancer (requests to that model still get 404/503)
 * @param transport the socket implementation of the REST and management ports, or {@code null} (the default) for the
 *     first of io_uring, epoll and NIO whose event loops start here
 * @param ioThreads event loops serving REST and management connections (read, parse, write; never a model): half as
 *     many as cores by default, since a loop's share of a request is smaller than a worker's, and a loop with more
 *     connections finds more of them ready each time it wakes, so it sleeps and is woken less often per request
 * @param metricsPath a path the Prometheus metrics are served at besides {@code /metrics} and TF Serving's default
 *     (a TF Serving monitoring config's), or empty
 * @param idleTimeout how long a REST connection may send nothing: one in the middle of a request then gets 408 (a
 *     client that stalls, or a slowloris attack, no longer holds the connection and its partial body for ever),
 *     one between requests is closed, one waiting for its answer is left alone; {@link Duration#ZERO} for never
 */
public record ServerConfig(Path modelRoot, String bindAddress, int maxBodyBytes, int workerThreads, int workerQueue,
    ShutdownOptions shutdown, RepositoryOptions repository, ManagementOptions management, RequestLimits limits,
    BatchingConfig batching, PredictionLogConfig predictionLog, TlsSettings tls, boolean strictReadiness,
    Transport transport, int ioThreads, Optional<String> metricsPath, Duration idleTimeout) {
  public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
  /** As nginx's {@code client_body_timeout}. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_WORKER_QUEUE = 1024;

  public ServerConfig {
    Objects.requireNonNull(modelRoot, "modelRoot");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(management, "management");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(batching, "batching");
    Objects.requireNonNull(predictionLog, "predictionLog");
    Objects.requireNonNull(metricsPath, "metricsPath");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("the idle timeout must not be negative, got " + idleTimeout.toSeconds()
          + " s");
    }
    if (maxBodyBytes < 1 || workerThreads < 1 || workerQueue < 1 || ioThreads < 1) {
      throw new IllegalArgumentException("maxBodyBytes, workerThreads, workerQueue and ioThreads must be positive, "
          + "got " + maxBodyBytes + ", " + workerThreads + ", " + workerQueue + ", " + ioThreads);
    }
  }

  /**
   * Listening on all interfaces, 16 MiB bodies, one worker per core, 1024 queued predictions,
   * {@link ShutdownOptions#DEFAULT} (no delay, 10 s drain), the repository scanned once
   * ({@link RepositoryOptions#oneShot()}), no management API, {@link RequestLimits#DEFAULT}, no batching
   * ({@link BatchingConfig#OFF}, as TF Serving and Triton default to), no prediction log, no TLS, strict readiness,
   * the first transport whose event loops start, half as many event loops as cores, connections idle for 60 s let go.
   */
  public static ServerConfig defaults(Path modelRoot) {
    return new ServerConfig(modelRoot, "0.0.0.0", DEFAULT_MAX_BODY_BYTES,
        defaultWorkerThreads(), DEFAULT_WORKER_QUEUE, ShutdownOptions.DEFAULT,
        RepositoryOptions.oneShot(), ManagementOptions.DISABLED, RequestLimits.DEFAULT, BatchingConfig.OFF,
        PredictionLogConfig.OFF, null, true, null, defaultIoThreads(), Optional.empty(), DEFAULT_IDLE_TIMEOUT);
  }

  public ServerConfig withBindAddress(String address) {
    return with(c -> c.bindAddress = address);
  }

  public ServerConfig withMaxBodyBytes(int bytes) {
    return with(c -> c.maxBodyBytes = bytes);
  }

  public ServerConfig withWorkers(int threads, int queue) {
    return with(c -> {
      c.workerThreads = threads;
      c.workerQueue = queue;
    });
  }

  public ServerConfig withRepository(RepositoryOptions options) {
    return with(c -> c.repository = options);
  }

  public ServerConfig withManagement(ManagementOptions options) {
    return with(c -> c.management = options);
  }

  public ServerConfig withLimits(RequestLimits newLimits) {
    return with(c -> c.limits = newLimits);
  }

  public ServerConfig withBatching(BatchingConfig newBatching) {
    return with(c -> c.batching = newBatching);
  }

  public ServerConfig withPredictionLog(PredictionLogConfig newPredictionLog) {
    return with(c -> c.predictionLog = newPredictionLog);
  }

  /** TLS with these files (on every port, or gRPC alone when they say so), or plaintext for {@code null}. */
  public ServerConfig withTls(TlsSettings newTls) {
    return with(c -> c.tls = newTls);
  }

  public ServerConfig withShutdown(ShutdownOptions options) {
    return with(c -> c.shutdown = options);
  }

  /** See {@code strictReadiness} above. */
  public ServerConfig withStrictReadiness(boolean strict) {
    return with(c -> c.strictReadiness = strict);
  }

  /** The socket implementation of the REST and management ports; {@code null} for the first that starts. */
  public ServerConfig withTransport(Transport newTransport) {
    return with(c -> c.transport = newTransport);
  }

  /** Event loops serving REST and management connections. */
  public ServerConfig withIoThreads(int threads) {
    return with(c -> c.ioThreads = threads);
  }

  /** The Prometheus metrics also at {@code path} (a TF Serving monitoring config's), or at no extra path. */
  public ServerConfig withMetricsPath(Optional<String> path) {
    return with(c -> c.metricsPath = path);
  }

  /** See {@code idleTimeout} above. */
  public ServerConfig withIdleTimeout(Duration timeout) {
    return with(c -> c.idleTimeout = timeout);
  }

  /** This configuration with what {@code change} sets on a copy of its components; the record checks the result. */
  private ServerConfig with(Consumer<Components> change) {
    Components c = new Components(this);
    change.accept(c);
    return c.build();
  }

  /** The components of a {@link ServerConfig} being changed: one place that lists them all, for every wither. */
  private static final class Components {
    Path modelRoot;
    String bindAddress;
    int maxBodyBytes;
    int workerThreads;
    int workerQueue;
    ShutdownOptions shutdown;
    RepositoryOptions repository;
    ManagementOptions management;
    RequestLimits limits;
    BatchingConfig batching;
    PredictionLogConfig predictionLog;
    TlsSettings tls;
    boolean strictReadiness;
    Transport transport;
    int ioThreads;
    Optional<String> metricsPath;
    Duration idleTimeout;

    Components(ServerConfig from) {
      modelRoot = from.modelRoot;
      bindAddress = from.bindAddress;
      maxBodyBytes = from.maxBodyBytes;
      workerThreads = from.workerThreads;
      workerQueue = from.workerQueue;
      shutdown = from.shutdown;
      repository = from.repository;
      management = from.management;
      limits = from.limits;
      batching = from.batching;
      predictionLog = from.predictionLog;
      tls = from.tls;
      strictReadiness = from.strictReadiness;
      transport = from.transport;
      ioThreads = from.ioThreads;
      metricsPath = from.metricsPath;
      idleTimeout = from.idleTimeout;
    }

    ServerConfig build() {
      return new ServerConfig(modelRoot, bindAddress, maxBodyBytes, workerThreads, workerQueue,
          shutdown, repository, management, limits, batching, predictionLog,
          tls, strictReadiness, transport, ioThreads, metricsPath, idleTimeout);
    }
  }

  /** One per core: see {@code workerThreads} above. */
  private static int defaultWorkerThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Half as many as cores, at least one: see {@code ioThreads} above. */
  private static int defaultIoThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }
}
