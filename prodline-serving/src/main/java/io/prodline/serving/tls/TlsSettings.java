package io.prodline.serving.tls;

import io.prodline.core.error.ProdlineException;
import java.time.Duration;

/**
 * What a server's TLS presents and where it is read from: PEM files, on every port ({@link TlsConfig}), or TF
 * Serving's SSL config file, on the gRPC port alone as in TF Serving ({@link TfServingSslConfig}). Read at start and
 * again every {@link #reloadEvery()} ({@link TlsCredentials}).
 */
public sealed interface TlsSettings permits TlsConfig, TfServingSslConfig {
  /** How often the files are read again, so that renewed ones are taken without a restart; zero: only at start. */
  Duration reloadEvery();

  /** Whether only the gRPC port speaks TLS, the REST and management ports staying plaintext. */
  boolean grpcOnly();

  /** Whether clients must present a certificate signed by the client CA (mutual TLS); fixed for the server's life. */
  boolean requiresClientCertificates();

  /**
   * The PEM texts as the files hold them now.
   *
   * @throws ProdlineException naming the file when it cannot be read, or (for a file that also decides
   *     {@link #requiresClientCertificates()}) when it now says otherwise
   */
  Pems read();

  /** What the texts come from, for messages: {@code certificate c.pem with key k.pem}. */
  String describe();

  /**
   * PEM texts, each with the name a message gives it.
   *
   * @param clientCa empty unless clients must present certificates
   */
  record Pems(byte[] chain, String chainName, byte[] key, byte[] clientCa, String clientCaName) {}
}
