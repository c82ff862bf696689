package io.prodline.serving.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.tls.TlsConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;

/**
 * A self-signed certificate for {@code 127.0.0.1} made by openssl for a test (which is skipped where openssl is
 * missing), and an HTTPS client for it.
 */
public final class SelfSignedTls {
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private SelfSignedTls() {}

  /** Writes {@code server.crt} and its key {@code server.key} into {@code directory}. */
  public static TlsConfig create(Path directory) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "openssl is needed to make a certificate");
    Path cert = directory.resolve("server.crt");
    Path key = directory.resolve("server.key");
    Process openssl = new ProcessBuilder(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1")
        .redirectErrorStream(true).start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertThat(openssl.waitFor()).as(output).isZero();
    return new TlsConfig(cert, key);
  }

  /** An HTTPS client for {@code 127.0.0.1:port}. */
  public static HttpTestClient https(int port) {
    return new HttpTestClient(HttpClient.newBuilder().sslContext(trustingEverything()), "https://127.0.0.1:" + port);
  }

  /** The certificate is self-signed, so the test client trusts any; real clients pin or use a CA. */
  private static SSLContext trustingEverything() {
    TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has TLS", e);
    }
  }
}
