package io.prodline.serving;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.fs.IoProblems;
import io.prodline.serving.batching.Batchers;
import io.prodline.serving.dashboard.DashboardEndpoint;
import io.prodline.serving.grpc.GrpcServer;
import io.prodline.serving.handoff.Abandonable;
import io.prodline.serving.health.HealthEndpoints;
import io.prodline.serving.health.Readiness;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.lifecycle.LoadedModel;
import io.prodline.serving.lifecycle.ServingSnapshot;
import io.prodline.serving.lifecycle.VersionListener;
import io.prodline.serving.lifecycle.VersionState;
import io.prodline.serving.lifecycle.VersionStatus;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.management.ManagementApi;
import io.prodline.serving.management.ManagementChannelInitializer;
import io.prodline.serving.management.ModelControl;
import io.prodline.serving.metrics.MetricsEndpoint;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.predictionlog.JsonLinesSink;
import io.prodline.serving.predictionlog.PredictionLog;
import io.prodline.serving.predictionlog.PredictionLogConfig;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.rest.HttpChannelInitializer;
import io.prodline.serving.rest.InFlightRequests;
import io.prodline.serving.rest.ModelApi;
import io.prodline.serving.statistics.VersionStatistics;
import io.prodline.serving.tls.ServerSslContexts;
import io.prodline.serving.tls.TlsCredentials;
import io.prodline.serving.tls.TlsReloader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every model under {@link ServerConfig#modelRoot()} over TensorFlow Serving's REST API and the Open
 * Inference Protocol (KServe v2) on the same port, and optionally over gRPC on a second port, where the Open
 * Inference Protocol's and TF Serving's gRPC services share one server ({@link #start(int, int)}).
 *
 * <pre>{@code
 * ModelServer server = new ModelServer(ServerConfig.defaults(Path.of("models"))).start(8501);
 * Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
 * }</pre>
 *
 * <p>{@link #start} loads the repository and then listens; the repository keeps following its directory when
 * {@link ServerConfig#repository()} says to poll, and the management API listens on its own port when
 * {@link ServerConfig#management()} enables it. Beside the model API the REST port answers {@code /healthz},
 * {@code /readyz} and {@code /metrics}; the management port answers {@code /metrics} too. With
 * {@link ServerConfig#tls()} every port speaks TLS only (or the gRPC port alone, for TF Serving's SSL config), with
 * the same certificate, renewed files taken while it runs ({@link TlsReloader}). Every protocol predicts
 * through one {@link RequestRunner}: batching, limits, timeouts, the prediction log and metrics apply alike.
 * {@link #stop} stops accepting, lets the requests in flight finish and their answers go out, then closes
 * connections and releases the models.
 */
public final class ModelServer implements AutoCloseable {
  /** The gRPC port that means "no gRPC listener". */
  public static final int GRPC_OFF = -1;
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
  /** How long the 503s of requests refused at the drain timeout get to reach their clients. */
  private static final Duration REFUSALS_WRITTEN = Duration.ofSeconds(1);

  private final ServerConfig config;
  private ModelRepository repository;
  private ServingMetrics metrics;
  private ThreadPoolExecutor workers;
  private Deadlines deadlines;
  private PredictionLog predictionLog;
  private Batchers batchers;
  private InFlightRequests inFlight;
  private ChannelGroup connections;
  private Transport.EventLoops loops;
  private Channel serverChannel;
  private Channel managementChannel;
  private GrpcServer grpc;
  private TlsReloader tlsReloader;
  /** Set when a stop begins, so readiness turns false while requests drain. */
  private volatile boolean stopping;

  public ModelServer(ServerConfig config) {
    this.config = config;
  }

  /**
   * Loads the models and listens on {@code port} (0 picks a free port, see {@link #actualPort()}), without gRPC.
   *
   * @throws ProdlineException see {@link #start(int, int)}
   */
  public synchronized ModelServer start(int port) {
    return start(port, GRPC_OFF);
  }

  /**
   * Loads the models and listens on {@code port} and, unless it is {@link #GRPC_OFF}, for gRPC on
   * {@code grpcPort} (0 picks a free port, see {@link #actualGrpcPort()}).
   *
   * @throws ProdlineException when the transport cannot run here, the repository is not a directory, the TLS files
   *     are unusable, the prediction log directory cannot be created or a port cannot be bound
   */
  public synchronized ModelServer start(int port, int grpcPort) {
    if (grpcPort < GRPC_OFF) {
      throw new IllegalArgumentException("grpcPort must be a port, 0 for a free one or " + GRPC_OFF + " for none, "
          + "got " + grpcPort);
    }
    if (serverChannel != null) {
      throw new IllegalStateException("the server is already running on port " + actualPort());
    }
    TlsCredentials credentials = config.tls() == null ? null : TlsCredentials.load(config.tls());
    // The context of the REST and management ports; TF Serving's SSL config secures gRPC alone.
    SslContext tls = credentials == null || config.tls().grpcOnly() ? null
        : ServerSslContexts.forServer(credentials);
    stopping = false;
    predictionLog = openPredictionLog();
    metrics = new ServingMetrics();
    tlsReloader = credentials == null ? null : TlsReloader.start(credentials, metrics);
    if (predictionLog != null) {
      metrics.watch(predictionLog);
    }
    workers = WorkerPool.create(config.workerThreads(), config.workerQueue());
    deadlines = new Deadlines();
    // The repository opens below; the batchers ask it only once requests come.
    batchers = new Batchers(config.batching(), model -> repository.batching(model), workers, config.workerThreads(),
        metrics);
    try {
      // Started before the models load, so a transport that cannot run here is said at once.
      loops = Transport.open(config.transport(), config.ioThreads());
      metrics.serverStarted(loops.transport().toString());
      repository = ModelRepository.open(config.modelRoot(), config.repository(), new LifecycleEvents());
      metrics.watchVersionStates(this::versionStates);
    } catch (RuntimeException e) {
      shutdownLoops();
      stopWork();
      closeServices();
      throw e;
    }
    inFlight = new InFlightRequests();
    connections = new DefaultChannelGroup("prodline-connections", GlobalEventExecutor.INSTANCE);
    RequestRunner runner = new RequestRunner(repository, workers,
        new RequestRunner.WorkerQueue(workers.getQueue(), config.workerThreads()),
        new Inference(batchers, predictionLog), config.limits(), deadlines, metrics);
    Readiness readiness = this::notReadyBecause;
    V2Inference v2 = new V2Inference(runner, readiness);
    MetricsEndpoint metricsEndpoint = new MetricsEndpoint(metrics, config.metricsPath());
    ModelApi api = new ModelApi(runner, v2,
        List.of(new HealthEndpoints(readiness), metricsEndpoint, new DashboardEndpoint()));
    // Model control (behind the management token) for the management port and the gRPC port's repository calls.
    ModelControl control = config.management().enabled()
        ? new ModelControl(repository, config.management().token()) : null;
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loops.accept(), loops.io())
        .channel(loops.transport().serverChannel())
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new HttpChannelInitializer(api, inFlight, connections, config.maxBodyBytes(), tls,
            config.idleTimeout()));
    String listening = config.bindAddress() + ":" + port;
    try {
      serverChannel = bootstrap.bind(config.bindAddress(), port).syncUninterruptibly().channel();
      if (config.management().enabled()) {
        listening = config.bindAddress() + ":" + config.management().port() + " (the management port)";
        managementChannel = bootstrap.clone()
            .childHandler(new ManagementChannelInitializer(
                new ManagementApi(repository, control, List.of(metricsEndpoint)), connections,
                tls))
            .bind(config.bindAddress(), config.management().port()).syncUninterruptibly().channel();
        LOG.info("management API on {}:{}{}", config.bindAddress(), managementPort(), tls == null ? "" : " (TLS)");
      }
      if (grpcPort != GRPC_OFF) {
        listening = config.bindAddress() + ":" + grpcPort + " (gRPC)";
        grpc = GrpcServer.start(config.bindAddress(), grpcPort, v2, runner, config.maxBodyBytes(), credentials,
            control);
        LOG.info("serving the Open Inference Protocol and TF Serving's gRPC API on {}:{}{}", config.bindAddress(),
            grpc.port(), credentials == null ? "" : " (TLS)");
      }
    } catch (Exception e) {
      // Netty rethrows the bind failure, a checked IOException, without declaring it.
      closeListeners();
      releaseAll();
      throw e instanceof ProdlineException p ? p
          : new ProdlineException("cannot listen on " + listening + ": " + IoProblems.of(e), e);
    }
    LOG.info("serving models {} from {} on {}:{} ({} transport{})", repository.names(), config.modelRoot(),
        config.bindAddress(), actualPort(), loops.transport(), tls == null ? "" : ", TLS");
    if (repository.names().isEmpty()) {
      // Ready all the same (no model is failing), which a volume mounted at the wrong path would otherwise hide.
      LOG.warn("no model under {}: the server answers none until a <model>/<version>/ directory appears there",
          config.modelRoot());
    }
    return this;
  }

  /**
   * What the server keeps per loaded version follows the lifecycle: metrics count and export its statistics, batchers
   * are retired.
   */
  private final class LifecycleEvents implements VersionListener {
    @Override
    public void loaded(String model, long version, VersionStatistics statistics) {
      metrics.modelEvent(model, version, "load");
      metrics.watch(model, version, statistics);
    }

    @Override
    public void loadFailed(String model, long version, String reason) {
      metrics.modelEvent(model, version, "load_failure");
    }

    @Override
    public void unloading(String model, long version, LoadedModel loaded) {
      if (loaded.predictor() != null) { // a tensor model is never batched
        batchers.retire(loaded.predictor());
      }
      metrics.modelEvent(model, version, "unload");
      metrics.forget(model, version);
    }
  }

  /** Per model, how many of its versions are in each state, every state listed. */
  private Map<String, Map<String, Integer>> versionStates() {
    ServingSnapshot snapshot = repository.snapshot();
    Map<String, Map<String, Integer>> states = new TreeMap<>();
    for (String model : snapshot.names()) {
      Map<String, Integer> counts = new TreeMap<>();
      for (VersionState state : VersionState.values()) {
        counts.put(state.name().toLowerCase(Locale.ROOT), 0);
      }
      for (VersionStatus status : snapshot.model(model).statuses()) {
        counts.merge(status.state().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
      states.put(model, counts);
    }
    return states;
  }

  private PredictionLog openPredictionLog() {
    PredictionLogConfig log = config.predictionLog();
    if (!log.enabled()) {
      return null;
    }
    JsonLinesSink sink;
    try {
      sink = new JsonLinesSink(log.directory(), log.maxFileBytes());
    } catch (IOException e) {
      throw new ProdlineException("cannot write the prediction log into " + log.directory() + ": "
          + IoProblems.of(e), e);
    }
    // The repository opens later; the log asks it only once requests come.
    return new PredictionLog(sink, log.queueCapacity(), model -> repository.logSampling(model));
  }

  /**
   * Why the server should get no traffic now, if it should not: stopping, or, with strict readiness, a model with
   * no available version ({@link Readiness#ofModels}). The REST {@code /readyz}, {@code /v2/health/ready}, gRPC's
   * ServerReady and gRPC health all ask this.
   */
  private Optional<String> notReadyBecause() {
    if (stopping) {
      return Optional.of("the server is shutting down");
    }
    return config.strictReadiness() ? Readiness.ofModels(repository).notReadyBecause() : Optional.empty();
  }

  /** The socket implementation the REST and management ports run on. */
  public synchronized Transport transport() {
    if (loops == null) {
      throw new IllegalStateException("the server is not running");
    }
    return loops.transport();
  }

  /** The port the server listens on; the chosen one when started with port 0. */
  public synchronized int actualPort() {
    if (serverChannel == null) {
      throw new IllegalStateException("the server is not running");
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** The port of the management API; the chosen one when configured with port 0. */
  public synchronized int managementPort() {
    if (managementChannel == null) {
      throw new IllegalStateException("the management API is not running");
    }
    return ((InetSocketAddress) managementChannel.localAddress()).getPort();
  }

  /** The gRPC port; the chosen one when started with gRPC port 0. */
  public synchronized int actualGrpcPort() {
    if (grpc == null) {
      throw new IllegalStateException("the server is not running with gRPC");
    }
    return grpc.port();
  }

  /** Names of the models served now. */
  public synchronized List<String> modelNames() {
    if (repository == null) {
      throw new IllegalStateException("the server is not running");
    }
    return repository.names();
  }

  /**
   * Stops gracefully: readiness turns to 503 (gRPC health NOT_SERVING) while the ports stay open for the shutdown
   * delay, so that load balancers stop sending, and every REST answer from now on closes its connection
   * ({@code Connection: close}), so keep-alive clients reconnect elsewhere; then no new connections, idle ones
   * closed, no new predictions (they get 503), and up to the drain timeout until every request taken has been
   * answered; does nothing when not running.
   */
  public synchronized void stop() {
    if (serverChannel == null) {
      return;
    }
    ShutdownOptions shutdown = config.shutdown();
    stopping = true;
    inFlight.startDraining();
    if (grpc != null) {
      grpc.notServing();
    }
    if (!shutdown.delay().isZero()) {
      LOG.info("stopping: not ready, ports open for {} s more", shutdown.delay().toSeconds());
      try {
        Thread.sleep(shutdown.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LOG.info("stopping: draining requests in flight for up to {} s", shutdown.drainTimeout().toSeconds());
    serverChannel.close().syncUninterruptibly();
    serverChannel = null;
    if (managementChannel != null) {
      managementChannel.close().syncUninterruptibly();
      managementChannel = null;
    }
    inFlight.closeIdle(connections);
    if (grpc != null) {
      grpc.shutdown();
    }
    workers.shutdown();
    long deadline = System.nanoTime() + shutdown.drainTimeout().toNanos();
    try {
      if (!inFlight.awaitNone(shutdown.drainTimeout())) {
        int left = inFlight.count();
        int refused = refuseWaiting();
        LOG.warn("{} requests still in flight after {} s; the {} that had not started are answered 503, the others "
            + "are cut off", left, shutdown.drainTimeout().toSeconds(), refused);
        inFlight.awaitNone(REFUSALS_WRITTEN); // the refusals reach their clients before the connections close
      }
      if (grpc != null && !grpc.awaitTermination(Duration.ofNanos(deadline - System.nanoTime()))) {
        LOG.warn("gRPC calls still in flight after {} s; stopping anyway", shutdown.drainTimeout().toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseAll();
    LOG.info("stopped");
  }

  private void closeListeners() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      serverChannel = null;
    }
    if (managementChannel != null) {
      managementChannel.close().syncUninterruptibly();
      managementChannel = null;
    }
  }

  /** Closes gRPC, connections and event loops, stops the work, releases the models, then the services. */
  private void releaseAll() {
    if (grpc != null) {
      grpc.shutdownNow();
      grpc = null;
    }
    stopWork(); // before the connections close, so that what it answers is written
    connections.close().awaitUninterruptibly();
    shutdownLoops();
    // Unloading waits for every open version handle; after stopWork only predictions still running hold one.
    repository.close();
    closeServices();
  }

  private void shutdownLoops() {
    if (loops != null) {
      loops.shutdown();
      loops = null;
    }
  }

  /**
   * Stops batching (answering what it holds) and the workers, failing the requests that never started so that
   * no version handle stays open.
   */
  private void stopWork() {
    batchers.close();
    refuseWaiting();
  }

  /** Answers 503 to the requests waiting for a worker, which will never start now; returns how many. */
  private int refuseWaiting() {
    int refused = 0;
    for (Runnable never : workers.shutdownNow()) {
      if (never instanceof Abandonable task) {
        task.abandon();
        refused++;
      }
    }
    return refused;
  }

  /** Writes out the prediction log and closes the deadline timer and the metrics. */
  private void closeServices() {
    if (tlsReloader != null) {
      tlsReloader.close();
    }
    if (predictionLog != null) {
      predictionLog.close();
    }
    deadlines.close();
    metrics.close();
  }

  @Override
  public void close() {
    stop();
  }
}
