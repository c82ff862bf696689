package io.prodline.serving;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.grpc.GrpcServer;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.management.ManagementApi;
import io.prodline.serving.management.ManagementChannelInitializer;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.rest.HttpChannelInitializer;
import io.prodline.serving.rest.InFlightRequests;
import io.prodline.serving.rest.ModelApi;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every model under {@link ServerConfig#modelRoot()} over TensorFlow Serving's REST API and the Open
 * Inference Protocol (KServe v2) on the same port, and optionally over the Open Inference Protocol's gRPC service
 * on a second port ({@link #start(int, int)}).
 *
 * <pre>{@code
 * ModelServer server = new ModelServer(ServerConfig.defaults(Path.of("models"))).start(8501);
 * Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
 * }</pre>
 *
 * <p>{@link #start} loads the repository and then listens; the repository keeps following its directory when
 * {@link ServerConfig#repository()} says to poll, and the management API listens on its own port when
 * {@link ServerConfig#management()} enables it. {@link #stop} stops accepting, lets the requests in flight finish
 * and their answers go out, then closes connections and releases the models.
 */
public final class ModelServer implements AutoCloseable {
  /** The gRPC port that means "no gRPC listener". */
  public static final int GRPC_OFF = -1;
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

  private final ServerConfig config;
  private ModelRepository repository;
  private ThreadPoolExecutor workers;
  private InFlightRequests inFlight;
  private ChannelGroup connections;
  private EventLoopGroup acceptGroup;
  private EventLoopGroup ioGroup;
  private Channel serverChannel;
  private Channel managementChannel;
  private GrpcServer grpc;

  public ModelServer(ServerConfig config) {
    this.config = config;
  }

  /**
   * Loads the models and listens on {@code port} (0 picks a free port, see {@link #actualPort()}).
   *
   * @throws ProdlineException when the repository is not a directory or the port cannot be bound
   */
  public synchronized ModelServer start(int port) {
    return start(port, GRPC_OFF);
  }

  /**
   * Loads the models and listens on {@code port} and, unless it is {@link #GRPC_OFF}, for gRPC on
   * {@code grpcPort} (0 picks a free port, see {@link #actualGrpcPort()}).
   *
   * @throws ProdlineException when the repository is not a directory or a port cannot be bound
   */
  public synchronized ModelServer start(int port, int grpcPort) {
    if (grpcPort < GRPC_OFF) {
      throw new IllegalArgumentException("grpcPort must be a port, 0 for a free one or " + GRPC_OFF + " for none, "
          + "got " + grpcPort);
    }
    if (serverChannel != null) {
      throw new IllegalStateException("the server is already running on port " + actualPort());
    }
    repository = ModelRepository.open(config.modelRoot(), config.repository());
    workers = WorkerPool.create(config.workerThreads(), config.workerQueue());
    inFlight = new InFlightRequests();
    connections = new DefaultChannelGroup("prodline-connections", GlobalEventExecutor.INSTANCE);
    Transport transport = Transport.best();
    acceptGroup = transport.newGroup(1, "prodline-accept");
    ioGroup = transport.newGroup(0, "prodline-io");
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptGroup, ioGroup)
        .channel(transport.serverChannel())
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new HttpChannelInitializer(new ModelApi(repository, workers), inFlight, connections,
            config.maxBodyBytes()));
    try {
      serverChannel = bootstrap.bind(config.bindAddress(), port).syncUninterruptibly().channel();
      if (config.management().enabled()) {
        managementChannel = bootstrap.clone()
            .childHandler(new ManagementChannelInitializer(
                new ManagementApi(repository, config.management().token()), connections))
            .bind(config.bindAddress(), config.management().port()).syncUninterruptibly().channel();
        LOG.info("management API on {}:{}", config.bindAddress(), managementPort());
      }
    } catch (Exception e) {
      // Netty rethrows the bind failure, a checked IOException, without declaring it.
      int failed = serverChannel == null ? port : config.management().port();
      if (serverChannel != null) {
        serverChannel.close().syncUninterruptibly();
        serverChannel = null;
      }
      releaseAll();
      throw new ProdlineException("cannot listen on " + config.bindAddress() + ":" + failed + ": " + e.getMessage(), e);
    }
    if (grpcPort != GRPC_OFF) {
      try {
        grpc = GrpcServer.start(config.bindAddress(), grpcPort, new V2Inference(repository, workers),
            config.maxBodyBytes());
      } catch (RuntimeException e) {
        serverChannel.close().syncUninterruptibly();
        serverChannel = null;
        if (managementChannel != null) {
          managementChannel.close().syncUninterruptibly();
          managementChannel = null;
        }
        releaseAll();
        throw e;
      }
      LOG.info("serving the Open Inference Protocol over gRPC on {}:{}", config.bindAddress(), grpc.port());
    }
    LOG.info("serving models {} from {} on {}:{} ({} transport)", repository.names(), config.modelRoot(),
        config.bindAddress(), actualPort(), transport);
    return this;
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
  public synchronized java.util.List<String> modelNames() {
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
    serverChannel.close().syncUninterruptibly();
    serverChannel = null;
    if (managementChannel != null) {
      managementChannel.close().syncUninterruptibly();
      managementChannel = null;
    }
    if (grpc != null) {
      grpc.shutdown();
    }
    workers.shutdown();
    long deadline = System.nanoTime() + config.drainTimeout().toNanos();
    try {
      if (!inFlight.awaitNone(config.drainTimeout())) {
        LOG.warn("requests still in flight after {}; stopping anyway", config.drainTimeout());
      }
      if (grpc != null && !grpc.awaitTermination(Duration.ofNanos(deadline - System.nanoTime()))) {
        LOG.warn("gRPC calls still in flight after {}; stopping anyway", config.drainTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseAll();
    LOG.info("stopped");
  }

  /** Closes connections and event loops, stops the workers, then releases the models. */
  private void releaseAll() {
    if (grpc != null) {
      grpc.shutdownNow();
      grpc = null;
    }
    connections.close().awaitUninterruptibly();
    ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownNow();
    repository.close();
  }

  @Override
  public void close() {
    stop();
  }
}
