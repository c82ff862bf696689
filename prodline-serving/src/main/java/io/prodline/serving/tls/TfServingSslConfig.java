package io.prodline.serving.tls;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.config.ConfigText;
import io.prodline.serving.grpc.tfserving.proto.SSLConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * TensorFlow Serving's SSL config file ({@code --ssl_config_file}): an {@code SSLConfig} message in protobuf text
 * format holding the PEM texts themselves, not file names:
 * <pre>{@code
 * server_key: "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n"
 * server_cert: "-----BEGIN CERTIFICATE-----\nMIID...\n-----END CERTIFICATE-----\n"
 * custom_ca: "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"
 * client_verify: true
 * }</pre>
 * As in TF Serving, it secures the gRPC port only (the REST port stays plaintext), and {@code client_verify} requires
 * every client to present a certificate signed by {@code custom_ca}, which is otherwise not used. Unlike TF Serving,
 * which reads it once, the file is read again every {@link #reloadEvery()} like PEM files; {@code client_verify} is
 * fixed at start, and a file changed to say otherwise is refused until the server restarts.
 *
 * @param clientVerify what the file said at start
 */
public record TfServingSslConfig(Path file, boolean clientVerify, Duration reloadEvery) implements TlsSettings {
  public TfServingSslConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reloadEvery, "reloadEvery");
  }

  /**
   * Reads {@code file} once to learn {@code client_verify}.
   *
   * @throws ProdlineException naming the file, and the line and column for a field SSLConfig does not have, when it
   *     cannot be read; or when {@code client_verify} is set without {@code custom_ca}
   */
  public static TfServingSslConfig of(Path file, Duration reloadEvery) {
    return new TfServingSslConfig(file, parse(file).getClientVerify(), reloadEvery);
  }

  private static SSLConfig parse(Path file) {
    SSLConfig config = ConfigText.TF_SERVING.read(file, "SSL config", SSLConfig.newBuilder(), "").build();
    if (config.getClientVerify() && config.getCustomCa().isEmpty()) {
      throw new ProdlineException("TF Serving SSL config " + file + " sets client_verify but no custom_ca: add the "
          + "certificate (PEM) of the authority that signs the client certificates as custom_ca");
    }
    return config;
  }

  @Override
  public boolean grpcOnly() {
    return true;
  }

  @Override
  public boolean requiresClientCertificates() {
    return clientVerify;
  }

  @Override
  public Pems read() {
    SSLConfig config = parse(file);
    if (config.getClientVerify() != clientVerify) {
      throw new ProdlineException("TF Serving SSL config " + file + " now sets client_verify to "
          + config.getClientVerify() + ", which was " + clientVerify + " at start; restart the server to change it");
    }
    return new Pems(utf8(config.getServerCert()), file + "'s server_cert", utf8(config.getServerKey()),
        clientVerify ? utf8(config.getCustomCa()) : new byte[0], file + "'s custom_ca");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String describe() {
    return "TF Serving SSL config " + file;
  }
}
