package io.prodline.serving.testing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.prodline.core.fs.AtomicFiles;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on ephemeral loopback ports, started once per test class:
 * {@code @RegisterExtension static final TestServer served = new TestServer();}. It serves the
 * {@link TestRepository} models unless {@link #withModels} writes others, over REST and, after {@link #withGrpc},
 * over gRPC too, with a client channel to it. Its callbacks run before the class's own {@code @BeforeAll} methods,
 * so those can already send requests.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
  /** Writes the models a test class serves into the repository root. */
  @FunctionalInterface
  public interface Models {
    void writeInto(Path root) throws IOException;
  }

  private final UnaryOperator<ServerConfig> configuration;
  private Models models = TestRepository::create;
  private boolean grpc;
  private Path root;
  private ModelServer server;
  private HttpTestClient http;
  private ManagedChannel channel;

  /** A server with the default configuration. */
  public TestServer() {
    this(UnaryOperator.identity());
  }

  /** A server whose configuration is the default one changed by {@code configuration}, e.g. to turn batching on. */
  public TestServer(UnaryOperator<ServerConfig> configuration) {
    this.configuration = configuration;
  }

  /** Serves the models {@code models} writes instead of {@link TestRepository}'s. */
  public TestServer withModels(Models models) {
    this.models = models;
    return this;
  }

  /** Also listens for gRPC, with a {@link #channel()} to it. */
  public TestServer withGrpc() {
    this.grpc = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    root = Files.createTempDirectory("prodline-test-models");
    models.writeInto(root);
    server = new ModelServer(configuration.apply(ServerConfig.defaults(root).withBindAddress("127.0.0.1")))
        .start(0, grpc ? 0 : ModelServer.GRPC_OFF);
    http = new HttpTestClient(server.actualPort());
    if (grpc) {
      channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
          InsecureChannelCredentials.create()).build();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    try {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      server.stop();
    } finally {
      AtomicFiles.deleteRecursively(root);
    }
  }

  /** The model repository the server serves. */
  public Path root() {
    return root;
  }

  public ModelServer server() {
    return server;
  }

  public HttpTestClient http() {
    return http;
  }

  /** A blocking stub of the Open Inference Protocol's gRPC service on {@link #channel()}. */
  public GRPCInferenceServiceBlockingStub v2() {
    return GRPCInferenceServiceGrpc.newBlockingStub(channel());
  }

  /**
   * A channel to the server's gRPC port, only after {@link #withGrpc}, on which every call without a deadline gets
   * its own of 30 seconds: a stub's {@code withDeadlineAfter} is one instant for all its calls, which a slow run of
   * a whole class could pass.
   */
  public Channel channel() {
    if (channel == null) {
      throw new IllegalStateException("this test server has no gRPC port; register it withGrpc()");
    }
    return ClientInterceptors.intercept(channel, new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options.getDeadline() != null ? options
            : options.withDeadlineAfter(30, TimeUnit.SECONDS));
      }
    });
  }
}
