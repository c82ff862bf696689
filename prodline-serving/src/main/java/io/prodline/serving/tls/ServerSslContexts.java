package io.prodline.serving.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * Builds the server side TLS contexts on a {@link TlsCredentials}: one for the Netty ports (REST, management) and
 * one for gRPC, whose Netty is its own relocated copy with its own context type. Both use the JDK's TLS and draw
 * on the credentials' key and trust managers, so a reloaded certificate reaches every port. With a client CA, both
 * require a client certificate that CA signed: a connection without one fails in the handshake, before any request
 * is read.
 */
public final class ServerSslContexts {
  private ServerSslContexts() {}

  /** The context of the REST and management ports. */
  public static SslContext forServer(TlsCredentials credentials) {
    SslContextBuilder builder = SslContextBuilder.forServer(credentials.keyManager()).sslProvider(SslProvider.JDK);
    if (credentials.clientTrustManager() != null) {
      builder.trustManager(credentials.clientTrustManager()).clientAuth(ClientAuth.REQUIRE);
    }
    try {
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalStateException("the JDK's TLS cannot make a server context: " + e.getMessage(), e);
    }
  }

  /**
   * The context of the gRPC port: as {@link #forServer}, with the HTTP/2 protocol negotiation (ALPN) and ciphers
   * gRPC requires, which {@link GrpcSslContexts} sets.
   */
  public static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext forGrpc(TlsCredentials credentials) {
    io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder builder =
        io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forServer(credentials.keyManager());
    if (credentials.clientTrustManager() != null) {
      builder.trustManager(credentials.clientTrustManager())
          .clientAuth(io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth.REQUIRE);
    }
    try {
      return GrpcSslContexts.configure(builder, io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider.JDK).build();
    } catch (SSLException e) {
      throw new IllegalStateException("the JDK's TLS cannot make a gRPC server context: " + e.getMessage(), e);
    }
  }
}
