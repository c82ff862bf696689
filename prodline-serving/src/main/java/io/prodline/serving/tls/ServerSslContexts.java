package io.prodline.serving.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.prodline.core.error.ProdlineException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the server side TLS contexts of a {@link TlsConfig}, failing at start-up with a sentence rather than
 * later: one for the Netty ports (REST, management) and one for gRPC, whose Netty is its own relocated copy with
 * its own context type. Both use the JDK's TLS. With a client CA, both require a client certificate that CA signed:
 * a connection without one fails in the handshake, before any request is read.
 */
public final class ServerSslContexts {
  private ServerSslContexts() {}

  /**
   * The context of the REST and management ports.
   *
   * @throws ProdlineException naming the file and the problem when a file is missing or unreadable as PEM
   */
  public static SslContext forServer(TlsConfig config) {
    return build(config, (chain, key, clientCa) -> {
      SslContextBuilder builder = SslContextBuilder.forServer(chain, key).sslProvider(SslProvider.JDK);
      if (clientCa != null) {
        builder.trustManager(clientCa).clientAuth(ClientAuth.REQUIRE);
      }
      return builder.build();
    });
  }

  /**
   * The context of the gRPC port: as {@link #forServer}, with the HTTP/2 protocol negotiation (ALPN) and ciphers
   * gRPC requires, which {@link GrpcSslContexts} sets.
   *
   * @throws ProdlineException as {@link #forServer}
   */
  public static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext forGrpc(TlsConfig config) {
    return build(config, (chain, key, clientCa) -> {
      io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder builder =
          io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forServer(chain, key);
      if (clientCa != null) {
        builder.trustManager(clientCa).clientAuth(io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth.REQUIRE);
      }
      return GrpcSslContexts.configure(builder, io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider.JDK).build();
    });
  }

  /** Builds a context from the certificate chain and key files, and the client CA file or {@code null}. */
  private interface Builder<T> {
    T build(File certificateChain, File privateKey, File clientCa) throws Exception;
  }

  private static <T> T build(TlsConfig config, Builder<T> builder) {
    List<Path> files = new ArrayList<>(List.of(config.certificateChain(), config.privateKey()));
    if (config.requiresClientCertificates()) {
      files.add(config.clientCa());
    }
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new ProdlineException("TLS file " + file + " does not exist or cannot be read");
      }
    }
    File clientCa = config.requiresClientCertificates() ? config.clientCa().toFile() : null;
    try {
      return builder.build(config.certificateChain().toFile(), config.privateKey().toFile(), clientCa);
    } catch (Exception e) {
      // SslContextBuilder wraps key and certificate problems in SSLException or IllegalArgumentException.
      throw new ProdlineException("cannot use TLS certificate " + config.certificateChain() + " with key "
          + config.privateKey() + (clientCa == null ? "" : " and client CA " + clientCa) + ": " + e.getMessage()
          + "; expected PEM files, the key unencrypted PKCS#8", e);
    }
  }
}
