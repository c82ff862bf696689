package io.prodline.serving.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files a TLS port presents, and optionally the authority its clients must prove themselves with.
 *
 * @param certificateChain X.509 certificate, followed by any intermediates, in PEM
 * @param privateKey the certificate's unencrypted PKCS#8 private key in PEM ({@code BEGIN PRIVATE KEY})
 * @param clientCa {@code null} for server-only TLS; otherwise certificates (PEM) of the authorities that sign client
 *     certificates: every connection must then present a certificate issued by one of them (mutual TLS)
 */
public record TlsConfig(Path certificateChain, Path privateKey, Path clientCa) {
  public TlsConfig {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** Server-only TLS: clients are not asked for a certificate. */
  public TlsConfig(Path certificateChain, Path privateKey) {
    this(certificateChain, privateKey, null);
  }

  /** Whether clients must present a certificate signed by {@link #clientCa()}. */
  public boolean requiresClientCertificates() {
    return clientCa != null;
  }
}
