package io.prodline.serving.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.prodline.core.error.ProdlineException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the server side TLS contexts of a {@link TlsConfig}, failing at start-up with a sentence rather than
 * later: one for the Netty ports (REST, management) and one for gRPC, whose Netty is its own relocated copy with
 * its own context type. Both use the JDK's TLS.
 */
public final class ServerSslContexts {
  private ServerSslContexts() {}

  /**
   * The context of the REST and management ports.
   *
   * @throws ProdlineException naming the file and the problem when a file is missing or unreadable as PEM
   */
  public static SslContext forServer(TlsConfig config) {
    return build(config, (chain, key) -> SslContextBuilder.forServer(chain, key).sslProvider(SslProvider.JDK).build());
  }

  /**
   * The context of the gRPC port: as {@link #forServer}, with the HTTP/2 protocol negotiation (ALPN) and ciphers
   * gRPC requires, which {@link GrpcSslContexts} sets.
   *
   * @throws ProdlineException as {@link #forServer}
   */
  public static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext forGrpc(TlsConfig config) {
    return build(config, (chain, key) -> GrpcSslContexts.configure(
        io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forServer(chain, key),
        io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider.JDK).build());
  }

  /** Builds a context from the certificate chain and key files. */
  private interface Builder<T> {
    T build(File certificateChain, File privateKey) throws Exception;
  }

  private static <T> T build(TlsConfig config, Builder<T> builder) {
    for (Path file : new Path[] {config.certificateChain(), config.privateKey()}) {
      if (!Files.isReadable(file)) {
        throw new ProdlineException("TLS file " + file + " does not exist or cannot be read");
      }
    }
    try {
      return builder.build(config.certificateChain().toFile(), config.privateKey().toFile());
    } catch (Exception e) {
      // SslContextBuilder wraps key and certificate problems in SSLException or IllegalArgumentException.
      throw new ProdlineException("cannot use TLS certificate " + config.certificateChain() + " with key "
          + config.privateKey() + ": " + e.getMessage() + "; expected PEM files, the key unencrypted PKCS#8", e);
    }
  }
}
