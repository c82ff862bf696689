package io.prodline.serving.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files a TLS port presents.
 *
 * @param certificateChain X.509 certificate, followed by any intermediates, in PEM
 * @param privateKey the certificate's unencrypted PKCS#8 private key in PEM ({@code BEGIN PRIVATE KEY})
 */
public record TlsConfig(Path certificateChain, Path privateKey) {
  public TlsConfig {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
  }
}
