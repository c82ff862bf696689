package io.prodline.serving.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.prodline.core.error.ProdlineException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the server side TLS context of a {@link TlsConfig}, failing at start-up with a sentence rather than later. */
public final class ServerSslContexts {
  private ServerSslContexts() {}

  /** @throws ProdlineException naming the file and the problem when a file is missing or unreadable as PEM */
  public static SslContext forServer(TlsConfig config) {
    for (Path file : new Path[] {config.certificateChain(), config.privateKey()}) {
      if (!Files.isReadable(file)) {
        throw new ProdlineException("TLS file " + file + " does not exist or cannot be read");
      }
    }
    try {
      return SslContextBuilder.forServer(config.certificateChain().toFile(), config.privateKey().toFile())
          .sslProvider(SslProvider.JDK)
          .build();
    } catch (Exception e) {
      // SslContextBuilder wraps key and certificate problems in SSLException or IllegalArgumentException.
      throw new ProdlineException("cannot use TLS certificate " + config.certificateChain() + " with key "
          + config.privateKey() + ": " + e.getMessage() + "; expected PEM files, the key unencrypted PKCS#8", e);
    }
  }
}
