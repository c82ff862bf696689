package io.prodline.serving.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.tls.ServerSslContexts;
import io.prodline.serving.tls.TlsConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC listener of the model server. Handlers run directly on gRPC's network threads
 * ({@code directExecutor}): they never block, since inference is handed to the prediction workers, and this
 * saves a thread hop per call.
 */
public final class GrpcServer {
  private final Server server;

  private GrpcServer(Server server) {
    this.server = server;
  }

  /**
   * Listens on {@code bindAddress:port} (0 picks a free port).
   *
   * @param maxMessageBytes the largest request accepted, as the REST body limit
   * @param tls the certificate and key the port presents (HTTP/2 over TLS only), or {@code null} for plaintext
   * @throws ProdlineException when the TLS files are unusable or the port cannot be bound
   */
  public static GrpcServer start(String bindAddress, int port, V2Inference inference, int maxMessageBytes,
      TlsConfig tls) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(bindAddress, port))
        .directExecutor()
        .maxInboundMessageSize(maxMessageBytes)
        .addService(new GrpcInferenceService(inference));
    if (tls != null) {
      builder.sslContext(ServerSslContexts.forGrpc(tls));
    }
    Server server = builder.build();
    try {
      server.start();
    } catch (IOException e) {
      throw new ProdlineException("cannot listen for gRPC on " + bindAddress + ":" + port + ": " + e.getMessage(),
          e);
    }
    return new GrpcServer(server);
  }

  public int port() {
    return server.getPort();
  }

  /** Refuses new calls while those in flight go on; see {@link #awaitTermination}. */
  public void shutdown() {
    server.shutdown();
  }

  /** Waits up to {@code timeout} for the calls in flight to finish; returns whether they all did. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return server.awaitTermination(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Cancels whatever is still running and closes the port. */
  public void shutdownNow() {
    server.shutdownNow();
  }
}
