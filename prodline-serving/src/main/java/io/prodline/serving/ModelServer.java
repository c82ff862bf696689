package io.prodline.serving;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.prodline.core.error.ProdlineException;
import io.netty.handler.ssl.SslContext;
import io.prodline.serving.batching.Batchers;
import io.prodline.serving.health.HealthEndpoints;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.metrics.MetricsEndpoint;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.predictionlog.JsonLinesSink;
import io.prodline.serving.predictionlog.PredictionLog;
import io.prodline.serving.predictionlog.PredictionLogConfig;
import io.prodline.serving.repository.ModelNotFoundException;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.repository.ModelVersion;
import io.prodline.serving.tls.ServerSslContexts;
import io.prodline.serving.rest.HttpChannelInitializer;
import io.prodline.serving.rest.InFlightRequests;
import io.prodline.serving.rest.ModelApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every model under {@link ServerConfig#modelRoot()} over TensorFlow Serving's REST API.
 *
 * <pre>{@code
 * ModelServer server = new ModelServer(ServerConfig.defaults(Path.of("models"))).start(8501);
 * Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
 * }</pre>
 *
 * <p>{@link #start} loads the repository and then listens; {@link #stop} stops accepting, lets the requests in
 * flight finish and their answers go out, then closes connections and releases the models. Beside the model API
 * the port answers {@code /healthz}, {@code /readyz} and {@code /metrics}.
 */
public final class ModelServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

  private final ServerConfig config;
  private ModelRepository repository;
  private ServingMetrics metrics;
  private ThreadPoolExecutor workers;
  private Deadlines deadlines;
  private PredictionLog predictionLog;
  private Batchers batchers;
  private InFlightRequests inFlight;
  private ChannelGroup connections;
  private EventLoopGroup acceptGroup;
  private EventLoopGroup ioGroup;
  private Channel serverChannel;
  /** Set when a stop begins, so readiness turns false while requests drain. */
  private volatile boolean stopping;

  public ModelServer(ServerConfig config) {
    this.config = config;
  }

  /**
   * Loads the models and listens on {@code port} (0 picks a free port, see {@link #actualPort()}).
   *
   * @throws ProdlineException when the repository is not a directory, the TLS files are unusable, the prediction
   *     log directory cannot be created or the port cannot be bound
   */
  public synchronized ModelServer start(int port) {
    if (serverChannel != null) {
      throw new IllegalStateException("the server is already running on port " + actualPort());
    }
    SslContext tls = config.tls() == null ? null : ServerSslContexts.forServer(config.tls());
    stopping = false;
    repository = ModelRepository.scan(config.modelRoot());
    try {
      predictionLog = openPredictionLog();
    } catch (ProdlineException e) {
      repository.close();
      throw e;
    }
    metrics = new ServingMetrics();
    countLoads(repository);
    if (predictionLog != null) {
      metrics.watch(predictionLog);
    }
    workers = WorkerPool.create(config.workerThreads(), config.workerQueue());
    deadlines = new Deadlines();
    batchers = config.batching().enabled() ? new Batchers(config.batching(), workers, metrics) : null;
    inFlight = new InFlightRequests();
    connections = new DefaultChannelGroup("prodline-connections", GlobalEventExecutor.INSTANCE);
    ModelApi api = new ModelApi(repository, workers, new Inference(batchers, predictionLog), config.limits(),
        deadlines, metrics, List.of(new HealthEndpoints(this::notReadyBecause), new MetricsEndpoint(metrics)));
    Transport transport = Transport.best();
    acceptGroup = transport.newGroup(1, "prodline-accept");
    ioGroup = transport.newGroup(0, "prodline-io");
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptGroup, ioGroup)
        .channel(transport.serverChannel())
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new HttpChannelInitializer(api, inFlight, connections, config.maxBodyBytes(), tls));
    try {
      serverChannel = bootstrap.bind(config.bindAddress(), port).syncUninterruptibly().channel();
    } catch (Exception e) {
      // Netty rethrows the bind failure, a checked IOException, without declaring it.
      releaseAll();
      throw new ProdlineException("cannot listen on " + config.bindAddress() + ":" + port + ": " + e.getMessage(), e);
    }
    LOG.info("serving models {} from {} on {}:{} ({} transport{})", repository.names(), config.modelRoot(),
        config.bindAddress(), actualPort(), transport, tls == null ? "" : ", TLS");
    return this;
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
      throw new ProdlineException("cannot write the prediction log into " + log.directory() + ": " + e, e);
    }
    return new PredictionLog(sink, log.queueCapacity());
  }

  private void countLoads(ModelRepository loaded) {
    for (String name : loaded.names()) {
      for (ModelVersion v : loaded.model(name).versions()) {
        metrics.modelEvent(name, v.version(), v.isAvailable() ? "load" : "load_failure");
      }
    }
  }

  /** Why the server should get no traffic now, if it should not: stopping, or a model with no usable version. */
  private Optional<String> notReadyBecause() {
    if (stopping) {
      return Optional.of("the server is shutting down");
    }
    for (String name : repository.names()) {
      try {
        repository.model(name).defaultVersion();
      } catch (ModelNotFoundException e) {
        return Optional.of("not ready: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** The port the server listens on; the chosen one when started with port 0. */
  public synchronized int actualPort() {
    if (serverChannel == null) {
      throw new IllegalStateException("the server is not running");
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Names of the models found in the repository when the server started. */
  public synchronized List<String> modelNames() {
    if (repository == null) {
      throw new IllegalStateException("the server is not running");
    }
    return repository.names();
  }

  /**
   * Stops gracefully: no new connections, no new predictions (they get 503), then waits up to the drain timeout
   * until every request taken has been answered; does nothing when not running.
   */
  public synchronized void stop() {
    if (serverChannel == null) {
      return;
    }
    LOG.info("stopping: draining requests in flight for up to {}", config.drainTimeout());
    stopping = true;
    serverChannel.close().syncUninterruptibly();
    serverChannel = null;
    workers.shutdown();
    try {
      if (!inFlight.awaitNone(config.drainTimeout())) {
        LOG.warn("requests still in flight after {}; stopping anyway", config.drainTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseAll();
    LOG.info("stopped");
  }

  /**
   * Closes connections and event loops, stops batching and the workers, writes out the prediction log, then
   * releases the models.
   */
  private void releaseAll() {
    connections.close().awaitUninterruptibly();
    ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (batchers != null) {
      batchers.close();
    }
    workers.shutdownNow();
    if (predictionLog != null) {
      predictionLog.close();
    }
    deadlines.close();
    for (String name : repository.names()) {
      for (ModelVersion v : repository.model(name).versions()) {
        if (v.isAvailable()) {
          metrics.modelEvent(name, v.version(), "unload");
        }
      }
    }
    repository.close();
    metrics.close();
  }

  @Override
  public void close() {
    stop();
  }
}
