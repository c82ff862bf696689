package io.prodline.serving;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ServerReadyRequest;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the merge of the lifecycle, the Open Inference Protocol and the operations work wires together: every
 * protocol is counted under its own tag, the lifecycle reports loads and unloads to the metrics, the management
 * port serves the metrics behind its token, and readiness follows the models' states on every protocol.
 */
class ServingIntegrationTest {
  private static final String TOKEN = "integration-token-0123456789";

  @TempDir
  Path root;
  ModelServer server;
  ManagedChannel channel;
  HttpTestClient rest;
  HttpTestClient management;

  @BeforeEach
  void start() {
    for (long v = 1; v <= 2; v++) {
      TestBundles.write(root, "m", v, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
          Long.toString(v));
    }
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withBatching(BatchingConfig.DEFAULT).withManagement(ManagementOptions.on(0, TOKEN))).start(0, 0);
    rest = new HttpTestClient(server.actualPort());
    management = new HttpTestClient(server.managementPort());
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
        InsecureChannelCredentials.create()).build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  private Answer managed(String method, String path) {
    return management.send(HttpRequest.newBuilder(URI.create(management.uri(path)))
        .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + TOKEN));
  }

  @Test
  void everyProtocolIsBatchedAndCountedUnderItsOwnTag() {
    assertThat(rest.post("/v1/models/m:predict", "{\"instances\": [[1]]}").status()).isEqualTo(200);
    assertThat(rest.post("/v2/models/m/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}").status())
        .isEqualTo(200);
    var response = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .modelInfer(ModelInferRequest.newBuilder().setModelName("m")
            .addInputs(InferInputTensor.newBuilder().setName("x").setDatatype("FP64").addShape(1)
                .setContents(InferTensorContents.newBuilder().addFp64Contents(1)))
            .build());
    assertThat(response.getModelVersion()).isEqualTo("2");

    String metrics = rest.get("/metrics").body();
    for (String protocol : List.of("rest_v1", "rest_v2", "grpc")) {
      assertThat(metrics).contains("prodline_request_duration_seconds_count{model=\"m\",protocol=\"" + protocol
          + "\",status=\"200\",version=\"2\"} 1");
    }
    // Batching is on by default, so all three went through the version's batcher.
    assertThat(metrics).contains("prodline_batch_size_rows_count{model=\"m\",version=\"2\"} 3");
    assertThat(metrics).contains("prodline_model_events_total{event=\"load\",model=\"m\",version=\"2\"} 1");
  }

  @Test
  void theLifecycleReportsUnloadsAndTheManagementPortServesTheMetricsBehindItsToken() {
    assertThat(rest.post("/v1/models/m:predict", "{\"instances\": [[1]]}").status()).isEqualTo(200);
    assertThat(managed("POST", "/models/m/versions/2:unload").status()).isEqualTo(200);

    Answer scrape = managed("GET", "/metrics");
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.header("content-type")).startsWith("text/plain");
    assertThat(scrape.body()).contains("prodline_model_events_total{event=\"unload\",model=\"m\",version=\"2\"} 1");
    assertThat(management.get("/metrics").status()).isEqualTo(401);
    assertThat(managed("GET", "/monitoring/prometheus/metrics").body()).contains("prodline_model_events_total{");

    // Version 1 took over; its batcher is a new one, version 2's was retired with it.
    assertThat(rest.post("/v1/models/m:predict", "{\"instances\": [[1]]}").json().get("predictions").get(0)
        .asDouble()).isEqualTo(1.0);
  }

  @Test
  void readinessFollowsTheModelsStatesOnEveryProtocol() {
    var stub = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    assertThat(rest.get("/readyz").status()).isEqualTo(200);
    assertThat(rest.get("/v2/health/ready").status()).isEqualTo(200);
    assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();

    // A model whose only version fails to load: not ready, and /readyz says which model and why.
    TestBundles.writeGarbage(root, "broken", 1);
    assertThat(managed("POST", "/models/m:reload").status()).isEqualTo(200);
    Eventually.await("the broken model is seen", () -> server.modelNames().contains("broken"));
    Answer ready = rest.get("/readyz");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.error()).contains("model 'broken'", "ERROR");
    assertThat(rest.get("/v2/health/ready").status()).isEqualTo(503);
    assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isFalse();
  }
}
