package io.prodline.serving.tls;

import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The PEM files a TLS port presents, and optionally the authority its clients must prove themselves with.
 *
 * @param certificateChain X.509 certificate, followed by any intermediates, in PEM
 * @param privateKey the certificate's unencrypted PKCS#8 private key in PEM ({@code BEGIN PRIVATE KEY})
 * @param clientCa {@code null} for server-only TLS; otherwise certificates (PEM) of the authorities that sign client
 *     certificates: every connection must then present a certificate issued by one of them (mutual TLS)
 * @param reloadEvery how often the files are read again, so that renewed ones are taken without a restart
 *     ({@link TlsCredentials}); zero to read them only at start
 */
public record TlsConfig(Path certificateChain, Path privateKey, Path clientCa, Duration reloadEvery)
    implements TlsSettings {
  /** Reads the files again every minute: well inside any renewal window, and nothing to notice in cost. */
  public static final Duration DEFAULT_RELOAD = Duration.ofMinutes(1);

  public TlsConfig {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(reloadEvery, "reloadEvery");
    if (reloadEvery.isNegative()) {
      throw new IllegalArgumentException("reloadEvery must not be negative, got " + reloadEvery);
    }
  }

  /** TLS with the default reload; {@code clientCa} as above. */
  public TlsConfig(Path certificateChain, Path privateKey, Path clientCa) {
    this(certificateChain, privateKey, clientCa, DEFAULT_RELOAD);
  }

  /** Server-only TLS: clients are not asked for a certificate. */
  public TlsConfig(Path certificateChain, Path privateKey) {
    this(certificateChain, privateKey, null);
  }

  /** The same files, read again every {@code every} (zero: only at start). */
  public TlsConfig withReloadEvery(Duration every) {
    return new TlsConfig(certificateChain, privateKey, clientCa, every);
  }

  /** Whether clients must present a certificate signed by {@link #clientCa()}. */
  @Override
  public boolean requiresClientCertificates() {
    return clientCa != null;
  }

  /** TLS on every port: REST, management and gRPC. */
  @Override
  public boolean grpcOnly() {
    return false;
  }

  @Override
  public Pems read() {
    return new Pems(bytes(certificateChain), certificateChain.toString(), bytes(privateKey),
        requiresClientCertificates() ? bytes(clientCa) : new byte[0], String.valueOf(clientCa));
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ProdlineException("TLS file " + file + " does not exist or cannot be read", e);
    }
  }

  @Override
  public String describe() {
    return "certificate " + certificateChain + " with key " + privateKey
        + (requiresClientCertificates() ? " and client CA " + clientCa : "");
  }
}
