package io.prodline.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.TextFormat;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.grpc.tfserving.proto.SSLConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.SelfSignedTls;
import io.prodline.serving.testing.SelfSignedTls.ClientCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TF Serving's SSL config file as TF Serving reads it: the PEM texts inline, TLS on the gRPC port only (REST stays
 * plaintext), and client_verify requiring a certificate custom_ca signed.
 */
class TfServingSslConfigTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir
  static Path root;
  @TempDir
  static Path keys;
  static TlsConfig pems;
  static ClientCredentials trusted;
  static ModelServer server;

  @BeforeAll
  static void start() throws Exception {
    pems = SelfSignedTls.create(keys);
    trusted = SelfSignedTls.clientCredentials(keys, "trusted");
    Path file = write(keys.resolve("ssl.config"), SSLConfig.newBuilder()
        .setServerKey(Files.readString(pems.privateKey())).setServerCert(Files.readString(pems.certificateChain()))
        .setCustomCa(Files.readString(trusted.authority())).setClientVerify(true).build());
    server = SelfSignedTls.serve(root, TfServingSslConfig.of(file, Duration.ZERO), TOKEN);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** The file as TF Serving's users write it: protobuf text format, the PEM's line breaks escaped. */
  private static Path write(Path file, SSLConfig config) throws IOException {
    return Files.writeString(file, TextFormat.printer().printToString(config));
  }

  @Test
  void grpcNeedsTlsAndAClientCertificateTheCustomCaSigned() throws IOException {
    ChannelCredentials withCertificate = SelfSignedTls.grpcTrusting(pems.certificateChain(), trusted);
    assertThat(SelfSignedTls.grpcReady(server.actualGrpcPort(), withCertificate)).isTrue();
    ChannelCredentials without = SelfSignedTls.grpcTrusting(pems.certificateChain());
    for (ChannelCredentials refused : new ChannelCredentials[] {without, InsecureChannelCredentials.create()}) {
      assertThatThrownBy(() -> SelfSignedTls.grpcReady(server.actualGrpcPort(), refused))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
  }

  @Test
  void restAndManagementStayPlaintextAsInTfServing() {
    HttpTestClient rest = new HttpTestClient(server.actualPort());
    assertThat(rest.post("/v1/models/iris:predict", "{\"instances\": [[1, 0]]}").body())
        .isEqualTo("{\"predictions\":[[1.0,0.0,0.5]]}");
    assertThat(new HttpTestClient(server.managementPort()).get("/models").status()).isEqualTo(401);
  }

  @Test
  void clientVerifyWithoutACustomCaAndABadKeyAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path noCa = write(dir.resolve("no-ca.config"), SSLConfig.newBuilder().setServerKey("k").setServerCert("c")
        .setClientVerify(true).build());
    assertThatThrownBy(() -> TfServingSslConfig.of(noCa, Duration.ZERO)).isInstanceOf(ProdlineException.class)
        .hasMessage("TF Serving SSL config " + noCa + " sets client_verify but no custom_ca: add the certificate "
            + "(PEM) of the authority that signs the client certificates as custom_ca");
    Path badKey = write(dir.resolve("bad-key.config"), SSLConfig.newBuilder().setServerKey("not a key")
        .setServerCert(Files.readString(pems.certificateChain())).build());
    assertThatThrownBy(() -> TlsCredentials.load(TfServingSslConfig.of(badKey, Duration.ZERO)))
        .isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("cannot use TLS TF Serving SSL config " + badKey + ": the key is not an unencrypted "
            + "PKCS#8 key in PEM");
  }

  @Test
  void aReloadedFileIsTakenButNotOneThatTurnsClientVerifyOff(@TempDir Path dir) throws Exception {
    TlsConfig next = SelfSignedTls.create(dir, "next", 2);
    SSLConfig.Builder first = SSLConfig.newBuilder().setServerKey(Files.readString(pems.privateKey()))
        .setServerCert(Files.readString(pems.certificateChain())).setCustomCa(Files.readString(trusted.authority()))
        .setClientVerify(true);
    Path file = write(dir.resolve("ssl.config"), first.build());
    TlsCredentials credentials = TlsCredentials.load(TfServingSslConfig.of(file, Duration.ofMinutes(1)));
    write(file, first.setServerKey(Files.readString(next.privateKey()))
        .setServerCert(Files.readString(next.certificateChain())).build());
    assertThat(credentials.reloadIfChanged()).isTrue();
    assertThat(credentials.certificate().getSubjectX500Principal().getName()).contains("O=next");
    write(file, first.setClientVerify(false).build());
    assertThatThrownBy(credentials::reloadIfChanged).isInstanceOf(ProdlineException.class)
        .hasMessage("TF Serving SSL config " + file + " now sets client_verify to false, which was true at start; "
            + "restart the server to change it");
    assertThat(credentials.certificate().getSubjectX500Principal().getName()).contains("O=next");
  }
}
