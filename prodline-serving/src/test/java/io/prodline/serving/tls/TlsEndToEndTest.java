package io.prodline.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ServerReadyRequest;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.SelfSignedTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One certificate on every port: HTTPS on REST and management, gRPC over TLS, with a self-signed certificate made
 * by openssl for the test; plaintext gRPC clients are refused, plain HTTP clients told to use https://.
 */
class TlsEndToEndTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir
  static Path root;
  @TempDir
  static Path keys;
  static TlsConfig tls;
  static ModelServer server;

  @BeforeAll
  static void start() throws Exception {
    tls = SelfSignedTls.create(keys);
    server = SelfSignedTls.serve(root, tls, TOKEN);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void restServesPredictionsOverHttps() {
    HttpTestClient https = SelfSignedTls.https(server.actualPort());
    Answer answer = https.post("/v1/models/iris:predict", "{\"instances\": [[1, 0]]}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"predictions\":[[1.0,0.0,0.5]]}");
    assertThat(https.get("/readyz").status()).isEqualTo(200);
  }

  @Test
  void grpcInfersOverTlsForAClientTrustingTheCertificate() throws IOException {
    ChannelCredentials trusting = SelfSignedTls.grpcTrusting(tls.certificateChain());
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("iris")
        .addInputs(fp32("x", 1f)).addInputs(fp32("y", 0f)).build();
    ModelInferResponse response =
        SelfSignedTls.grpc(server.actualGrpcPort(), trusting, stub -> stub.modelInfer(request));
    assertThat(response.getOutputs(0).getContents().getFp32ContentsList()).containsExactly(1f, 0f, 0.5f);
  }

  @Test
  void aPlaintextGrpcClientIsRefused() {
    assertThatThrownBy(() -> SelfSignedTls.grpc(server.actualGrpcPort(), InsecureChannelCredentials.create(),
        stub -> stub.serverReady(ServerReadyRequest.getDefaultInstance())))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void managementIsHttpsAndStillNeedsTheToken() {
    HttpTestClient https = SelfSignedTls.https(server.managementPort());
    Answer withToken = https.send(HttpRequest.newBuilder(URI.create(https.uri("/models")))
        .header("Authorization", "Bearer " + TOKEN).GET());
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(withToken.json().get("models").findValuesAsText("name")).contains("iris", "houses");
    assertThat(https.get("/models").status()).isEqualTo(401);
    assertPlainHttpIsToldToUseHttps(server.managementPort());
  }

  @Test
  void plainHttpOnTheRestPortIsToldToUseHttps() {
    assertPlainHttpIsToldToUseHttps(server.actualPort());
  }

  /** As nginx does: a 400 in plain HTTP that names the mistake, instead of a connection closed without a word. */
  private static void assertPlainHttpIsToldToUseHttps(int port) {
    Answer answer = new HttpTestClient(port).get("/models");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).startsWith("this port speaks HTTPS only")
        .contains("https://");
  }

  @Test
  void unusableFilesFailTheStartWithASentence(@TempDir Path other) throws IOException {
    Path notPem = Files.writeString(other.resolve("cert.pem"), "not a certificate");
    ServerConfig missing = ServerConfig.defaults(root).withTls(new TlsConfig(other.resolve("nope.pem"), notPem));
    assertThatThrownBy(() -> new ModelServer(missing).start(0)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("TLS file ").hasMessageContaining("nope.pem does not exist or cannot be read");
    ServerConfig garbage = ServerConfig.defaults(root).withTls(new TlsConfig(notPem, notPem));
    assertThatThrownBy(() -> new ModelServer(garbage).start(0)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("cannot use TLS certificate ");
    assertThatThrownBy(() -> TlsCredentials.load(new TlsConfig(notPem, notPem)))
        .isInstanceOf(ProdlineException.class).hasMessageStartingWith("cannot use TLS certificate ")
        .hasMessageContaining("cert.pem holds no certificate (BEGIN CERTIFICATE)");
  }

  private static InferInputTensor.Builder fp32(String name, float value) {
    return InferInputTensor.newBuilder().setName(name).setDatatype("FP32").addShape(1)
        .setContents(InferTensorContents.newBuilder().addFp32Contents(value));
  }
}
