package io.prodline.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.SelfSignedTls;
import io.prodline.serving.testing.SelfSignedTls.ClientCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS: with a client CA every port lets in only clients whose certificate that CA signed; a client with no
 * certificate, or one signed by another authority, fails in the handshake on REST, management and gRPC alike.
 */
class MutualTlsTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir
  static Path root;
  @TempDir
  static Path keys;
  static TlsConfig tls;
  static ClientCredentials trusted;
  static ClientCredentials stranger;
  static ModelServer server;

  @BeforeAll
  static void start() throws Exception {
    TlsConfig serverOnly = SelfSignedTls.create(keys);
    trusted = SelfSignedTls.clientCredentials(keys, "trusted");
    stranger = SelfSignedTls.clientCredentials(keys, "stranger");
    tls = new TlsConfig(serverOnly.certificateChain(), serverOnly.privateKey(), trusted.authority());
    server = SelfSignedTls.serve(root, tls, TOKEN);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void restAnswersAClientWithACertificateTheAuthoritySigned() {
    Answer answer = SelfSignedTls.https(server.actualPort(), trusted)
        .post("/v1/models/iris:predict", "{\"instances\": [[1, 0]]}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"predictions\":[[1.0,0.0,0.5]]}");
  }

  @Test
  void restRefusesClientsWithoutACertificateOrWithAStrangersOne() {
    assertThatThrownBy(() -> SelfSignedTls.https(server.actualPort()).get("/readyz"))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> SelfSignedTls.https(server.actualPort(), stranger).get("/readyz"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void managementNeedsTheCertificateAndStillTheToken() {
    HttpTestClient https = SelfSignedTls.https(server.managementPort(), trusted);
    Answer withToken = https.send(HttpRequest.newBuilder(URI.create(https.uri("/models")))
        .header("Authorization", "Bearer " + TOKEN).GET());
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(https.get("/models").status()).isEqualTo(401);
    assertThatThrownBy(() -> SelfSignedTls.https(server.managementPort()).get("/models"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void grpcAnswersOnlyTheTrustedClient() throws IOException {
    ChannelCredentials withCertificate = SelfSignedTls.grpcTrusting(tls.certificateChain(), trusted);
    assertThat(SelfSignedTls.grpcReady(server.actualGrpcPort(), withCertificate)).isTrue();

    ChannelCredentials without = SelfSignedTls.grpcTrusting(tls.certificateChain());
    ChannelCredentials strangers = SelfSignedTls.grpcTrusting(tls.certificateChain(), stranger);
    for (ChannelCredentials refused : new ChannelCredentials[] {without, strangers}) {
      assertThatThrownBy(() -> SelfSignedTls.grpcReady(server.actualGrpcPort(), refused))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
  }

  @Test
  void anUnreadableClientAuthorityFailsTheStartNamingIt(@TempDir Path other) {
    TlsConfig missingCa = new TlsConfig(tls.certificateChain(), tls.privateKey(), other.resolve("ca.pem"));
    assertThatThrownBy(() -> new ModelServer(ServerConfig.defaults(root).withTls(missingCa)).start(0))
        .isInstanceOf(ProdlineException.class)
        .hasMessage("TLS file " + other.resolve("ca.pem") + " does not exist or cannot be read");
    TlsConfig keyAsCa = new TlsConfig(tls.certificateChain(), tls.privateKey(), tls.privateKey());
    assertThatThrownBy(() -> TlsCredentials.load(keyAsCa)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("and client CA " + tls.privateKey())
        .hasMessageContaining(tls.privateKey() + " holds no certificate (BEGIN CERTIFICATE)");
  }
}
