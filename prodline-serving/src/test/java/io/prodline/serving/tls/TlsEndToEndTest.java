package io.prodline.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS on the REST port with a self-signed certificate made by openssl for the test. */
class TlsEndToEndTest {
  @TempDir
  Path root;
  @TempDir
  Path keys;

  @Test
  void servesPredictionsOverTls() throws Exception {
    TlsConfig tls = selfSigned();
    ServerConfig config = ServerConfig.defaults(TestRepository.create(root)).withBindAddress("127.0.0.1")
        .withTls(tls);
    try (ModelServer server = new ModelServer(config).start(0)) {
      HttpTestClient https = new HttpTestClient(HttpClient.newBuilder().sslContext(trustingEverything()),
          "https://127.0.0.1:" + server.actualPort());
      Answer answer = https.post("/v1/models/iris:predict", "{\"instances\": [[1, 0]]}");
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"predictions\":[[1.0,0.0,0.5]]}");
      assertThat(https.get("/readyz").status()).isEqualTo(200);
    }
  }

  @Test
  void unusableFilesFailTheStartWithASentence() throws IOException {
    Path notPem = Files.writeString(keys.resolve("cert.pem"), "not a certificate");
    ServerConfig missing = ServerConfig.defaults(TestRepository.create(root))
        .withTls(new TlsConfig(keys.resolve("nope.pem"), notPem));
    assertThatThrownBy(() -> new ModelServer(missing).start(0)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("TLS file ").hasMessageContaining("nope.pem does not exist or cannot be read");
    ServerConfig garbage = ServerConfig.defaults(root).withTls(new TlsConfig(notPem, notPem));
    assertThatThrownBy(() -> new ModelServer(garbage).start(0)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("cannot use TLS certificate ");
  }

  private TlsConfig selfSigned() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make a certificate");
    Path cert = keys.resolve("server.crt");
    Path key = keys.resolve("server.key");
    Process openssl = new ProcessBuilder("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1")
        .redirectErrorStream(true).start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertThat(openssl.waitFor()).as(output).isZero();
    return new TlsConfig(cert, key);
  }

  /** The certificate is self-signed, so the test client trusts any; real clients pin or use a CA. */
  private static SSLContext trustingEverything() throws Exception {
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
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    return context;
  }
}
