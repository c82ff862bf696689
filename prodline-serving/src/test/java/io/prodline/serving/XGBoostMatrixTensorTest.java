package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ModelMetadataRequest;
import io.prodline.serving.grpc.v2.ModelMetadataResponse;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bare XGBoost {@code model.json} takes its features as the one matrix XGBoost itself takes, {@code input__0} of
 * shape {@code [N, 2]}, as a Triton or KServe XGBoost client sends it, besides one tensor per feature. The fixture
 * is two hand-written stumps with base score 1: feature 0 split at 0.5 (leaves -0.5 / 0.5), feature 1 at 2.0
 * (leaves 0.125 / -0.25), so the rows (0, 1) and (0.5, 2) predict 1 - 0.5 + 0.125 = 0.625 and 1 + 0.5 - 0.25 = 1.25.
 */
class XGBoostMatrixTensorTest {
  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc()
      .withModels(root -> TestRepository.xgboostStumps(root, "stumps"));
  static HttpTestClient http;

  @BeforeAll
  static void connect() {
    http = served.http();
  }

  @Test
  void metadataListsTheMatrixAsTritonsTreeBackendNamesIt() {
    Answer answer = http.get("/v2/models/stumps");
    assertThat(answer.body()).isEqualTo("{\"name\":\"stumps\",\"versions\":[\"1\"],\"platform\":\"prodline_xgboost\","
        + "\"inputs\":[{\"name\":\"input__0\",\"datatype\":\"FP32\",\"shape\":[-1,2]}],"
        + "\"outputs\":[{\"name\":\"output__0\",\"datatype\":\"FP32\",\"shape\":[-1]}]}");
    ModelMetadataResponse metadata =
        served.v2().modelMetadata(ModelMetadataRequest.newBuilder().setName("stumps").build());
    assertThat(metadata.getInputsList()).singleElement().satisfies(input -> {
      assertThat(input.getName()).isEqualTo("input__0");
      assertThat(input.getShapeList()).containsExactly(-1L, 2L);
    });
  }

  @Test
  void restTakesTheMatrixOrOneTensorPerFeature() {
    String matrix = "{\"inputs\": [{\"name\": \"input__0\", \"shape\": [2, 2], \"datatype\": \"FP32\", "
        + "\"data\": [[0, 1], [0.5, 2]]}], \"outputs\": [{\"name\": \"output__0\"}]}";
    Answer byMatrix = http.post("/v2/models/stumps/infer", matrix);
    assertThat(byMatrix.status()).as(byMatrix.body()).isEqualTo(200);
    assertThat(byMatrix.json().get("outputs").get(0).get("name").asText()).isEqualTo("output__0");
    assertThat(byMatrix.json().get("outputs").get(0).get("data").toString()).isEqualTo("[0.625,1.25]");

    String perFeature = "{\"inputs\": [{\"name\": \"f0\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [0, 0.5]},"
        + " {\"name\": \"f1\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [1, 2]}]}";
    Answer byFeature = http.post("/v2/models/stumps/infer", perFeature);
    // No output named: the answer names it as the metadata does, which is how a Triton client looks it up.
    assertThat(byFeature.json().get("outputs").get(0).get("name").asText()).isEqualTo("output__0");
    assertThat(byFeature.json().get("outputs").get(0).get("data").toString()).isEqualTo("[0.625,1.25]");

    Answer tfServing = http.post("/v1/models/stumps:predict",
        "{\"instances\": [{\"input__0\": [0, 1]}, {\"input__0\": [0.5, 2]}]}");
    assertThat(tfServing.body()).isEqualTo("{\"predictions\":[0.625,1.25]}");
  }

  @Test
  void grpcTakesTheMatrixAsOneRawTensor() {
    ByteBuffer raw = ByteBuffer.allocate(4 * 4).order(ByteOrder.LITTLE_ENDIAN)
        .putFloat(0).putFloat(1).putFloat(0.5f).putFloat(2);
    ModelInferResponse answer = served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("stumps")
        .addInputs(InferInputTensor.newBuilder().setName("input__0").setDatatype("FP32").addShape(2).addShape(2))
        .addRawInputContents(ByteString.copyFrom(raw.array())).build());
    assertThat(answer.getOutputs(0).getName()).isEqualTo("output__0");
    ByteBuffer out = answer.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new float[] {out.getFloat(), out.getFloat()}).containsExactly(0.625f, 1.25f);
    assertThat(out.remaining()).isZero();
  }
}
