package io.prodline.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ChannelCredentials;
import io.prodline.serving.ModelServer;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.SelfSignedTls;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server takes renewed certificate files: once both are replaced every port presents the new certificate
 * to new connections, and the expiry metric follows; a certificate written without its key is refused, counted, and
 * the old pair served meanwhile.
 */
class TlsReloadTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir
  Path root;
  @TempDir
  Path served;
  @TempDir
  Path renewed;
  ModelServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void renewedFilesReachEveryPortWithoutARestart() throws Exception {
    TlsConfig first = SelfSignedTls.create(served, "first", 1);
    TlsConfig second = SelfSignedTls.create(renewed, "second", 2);
    server = SelfSignedTls.serve(root, first.withReloadEvery(Duration.ofMillis(20)), TOKEN);
    assertThat(organisation(server.actualPort())).isEqualTo("first");
    assertThat(metric("prodline_tls_certificate_expiry_timestamp_seconds"))
        .isEqualTo(notAfter(SelfSignedTls.presented(server.actualPort())));
    assertThat(series()).as("at 0 from the start, so that an alert on their increase sees the first")
        .contains("prodline_tls_reloads_total{result=\"failure\"} 0.0",
            "prodline_tls_reloads_total{result=\"success\"} 0.0");

    // The certificate first, as a careless copy would: its key is not there yet.
    TlsCredentialsTest.replace(second.certificateChain(), first.certificateChain());
    Eventually.await("the unmatched certificate is refused",
        () -> metric("prodline_tls_reloads_total{result=\"failure\"}") == 1);
    assertThat(organisation(server.actualPort())).as("still the first pair").isEqualTo("first");

    TlsCredentialsTest.replace(second.privateKey(), first.privateKey());
    Eventually.await("the renewed pair is presented", () -> organisation(server.actualPort()).equals("second"));
    assertThat(organisation(server.managementPort())).isEqualTo("second");
    assertThat(metric("prodline_tls_reloads_total{result=\"success\"}")).isEqualTo(1);
    assertThat(metric("prodline_tls_certificate_expiry_timestamp_seconds"))
        .isEqualTo(notAfter(SelfSignedTls.presented(server.actualPort())));
    // A gRPC client that trusts only the renewed certificate gets through.
    ChannelCredentials trustingSecond = SelfSignedTls.grpcTrusting(second.certificateChain());
    assertThat(SelfSignedTls.grpcReady(server.actualGrpcPort(), trustingSecond)).isTrue();
  }

  private static String organisation(int port) {
    return SelfSignedTls.presented(port).getSubjectX500Principal().getName().replaceAll(".*O=([^,]+).*", "$1");
  }

  private static double notAfter(X509Certificate certificate) {
    return certificate.getNotAfter().toInstant().getEpochSecond();
  }

  /** A sample of the REST port's metrics, 0 when absent. */
  private List<String> series() {
    return SelfSignedTls.https(server.actualPort()).get("/metrics").body().lines().toList();
  }

  private double metric(String series) {
    return SelfSignedTls.https(server.actualPort()).get("/metrics").body().lines()
        .filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(
            line.substring(series.length() + 1))).findFirst().orElse(0);
  }
}
