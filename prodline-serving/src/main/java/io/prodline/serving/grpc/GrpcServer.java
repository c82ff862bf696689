package io.prodline.serving.grpc;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.grpc.tfserving.TfServingModelService;
import io.prodline.serving.grpc.tfserving.TfServingPredictionService;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.tls.ServerSslContexts;
import io.prodline.serving.management.ModelControl;
import io.prodline.serving.tls.TlsCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC listener of the model server: the Open Inference Protocol's {@code GRPCInferenceService}, TF Serving's
 * {@code PredictionService} and {@code ModelService} (so one port serves both protocols' clients, as TF Serving's
 * port 8500 serves its own), gRPC's standard health service ({@link GrpcHealth}) and server reflection (so
 * {@code grpcurl} lists and calls the services without the proto files). Handlers run directly on gRPC's network threads ({@code directExecutor}):
 * they never block, since inference is handed to the prediction workers, and this saves a thread hop per call.
 */
public final class GrpcServer {
  private final Server server;
  private final GrpcHealth health;

  private GrpcServer(Server server, GrpcHealth health) {
    this.server = server;
    this.health = health;
  }

  /**
   * Listens on {@code bindAddress:port} (0 picks a free port).
   *
   * @param runner runs TF Serving's predictions, as {@code inference} runs the Open Inference Protocol's
   * @param maxMessageBytes the largest request accepted, as the REST body limit
   * @param tls the certificate and key the port presents (HTTP/2 over TLS only), or {@code null} for plaintext
   * @param control the management API's model control for Triton's repository RPCs and TF Serving's
   *     {@code HandleReloadConfigRequest}, or {@code null} when the server has no management API (they are then
   *     refused)
   * @throws ProdlineException when the port cannot be bound
   */
  public static GrpcServer start(String bindAddress, int port, V2Inference inference, RequestRunner runner,
      int maxMessageBytes, TlsCredentials tls, ModelControl control) {
    GrpcHealth health = new GrpcHealth(inference);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(bindAddress, port))
        .directExecutor()
        .maxInboundMessageSize(maxMessageBytes)
        .addService(ServerInterceptors.intercept(new GrpcInferenceService(inference, control),
            new ModelControlAuthorization(control)))
        .addService(new TfServingPredictionService(runner))
        .addService(ServerInterceptors.intercept(new TfServingModelService(runner.servables(), control),
            new ModelControlAuthorization(control)))
        .addService(health.service())
        .addService(ProtoReflectionServiceV1.newInstance());
    if (tls != null) {
      builder.sslContext(ServerSslContexts.forGrpc(tls));
    }
    Server server = builder.build();
    try {
      server.start();
    } catch (IOException e) {
      health.close();
      throw new ProdlineException("cannot listen for gRPC on " + bindAddress + ":" + port + ": " + e.getMessage(),
          e);
    }
    return new GrpcServer(server, health);
  }

  public int port() {
    return server.getPort();
  }

  /** Health NOT_SERVING for good, calls still served: the start of a stop, while clients move away. */
  public void notServing() {
    health.close();
  }

  /**
   * Refuses new calls while those in flight go on (see {@link #awaitTermination}); health turns NOT_SERVING for
   * good first, so watching clients move away.
   */
  public void shutdown() {
    health.close();
    server.shutdown();
  }

  /** Waits up to {@code timeout} for the calls in flight to finish; returns whether they all did. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return server.awaitTermination(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Cancels whatever is still running and closes the port. */
  public void shutdownNow() {
    health.close();
    server.shutdownNow();
  }
}
