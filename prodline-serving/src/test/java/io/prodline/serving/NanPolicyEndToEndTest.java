package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NaN per model, on every protocol: two copies of the bare XGBoost stumps (see {@link XGBoostMatrixTensorTest}),
 * {@code stumps} with the default policy, which takes NaN as XGBoost's missing value, and {@code strict}, whose
 * config sets {@code allow_nan: false}. A NaN in feature 0 takes the first stump's default direction, left
 * (-0.5); in feature 1, the second stump's, right (-0.25): the rows (NaN, 3) and (1, NaN) predict
 * 1 - 0.5 - 0.25 = 0.25 and 1 + 0.5 - 0.25 = 1.25.
 */
class NanPolicyEndToEndTest {
  private static final String V2_BODY = "{\"inputs\": [{\"name\": \"input__0\", \"shape\": [2, 2], "
      + "\"datatype\": \"FP32\", \"data\": [[NaN, 3], [1, NaN]]}]}";

  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc().withModels(root -> {
    TestRepository.xgboostStumps(root, "stumps");
    TestRepository.xgboostStumps(root, "strict");
    Files.writeString(root.resolve("models.yaml"), "models:\n  strict: {allow_nan: false}\n");
  });
  static HttpTestClient http;

  @BeforeAll
  static void connect() {
    http = served.http();
  }

  @Test
  void restV1PassesNaNToTheModelThatTakesItAndRefusesItForTheOther() {
    String body = "{\"instances\": [[NaN, 3], [1, NaN]]}";
    assertThat(http.post("/v1/models/stumps:predict", body).body()).isEqualTo("{\"predictions\":[0.25,1.25]}");
    Answer refused = http.post("/v1/models/strict:predict", body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("instance 0: feature 'f0' is NaN, which this server does not accept; "
        + "send null for a missing value");
  }

  @Test
  void infinitiesAreNoMissingValueSoTheDefaultStillRefusesThem() {
    Answer refused = http.post("/v1/models/stumps:predict", "{\"instances\": [[Infinity, 3]]}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).startsWith("instance 0: feature 'f0' is Infinity, which this server does not accept");
  }

  @Test
  void restV2PassesNaNToTheModelThatTakesItAndRefusesItForTheOther() {
    Answer answer = http.post("/v2/models/stumps/infer", V2_BODY);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("outputs").get(0).get("data").toString()).isEqualTo("[0.25,1.25]");
    Answer refused = http.post("/v2/models/strict/infer", V2_BODY);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("input 'input__0' element 0 is NaN, which this server does not accept; "
        + "send a finite number");
  }

  @Test
  void theV2ConfigShowsEachModelsPolicy() {
    assertThat(http.get("/v2/models/stumps/config").json().get("parameters").toString())
        .isEqualTo("{\"allow_infinity\":{\"string_value\":\"false\"},\"allow_nan\":{\"string_value\":\"true\"}}");
    assertThat(http.get("/v2/models/strict/config").json().get("parameters").get("allow_nan").toString())
        .isEqualTo("{\"string_value\":\"false\"}");
  }

  @Test
  void grpcPassesNaNToTheModelThatTakesItAndRefusesItForTheOther() {
    ModelInferResponse answer = served.v2().modelInfer(request("stumps"));
    ByteBuffer out = answer.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new float[] {out.getFloat(), out.getFloat()}).containsExactly(0.25f, 1.25f);
    assertThat(out.remaining()).isZero();
    assertThatThrownBy(() -> served.v2().modelInfer(request("strict")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).isEqualTo("input 'input__0' element 0 is NaN, which this "
              + "server does not accept; send a finite number");
        });
  }

  private static ModelInferRequest request(String model) {
    ByteBuffer raw = ByteBuffer.allocate(4 * 4).order(ByteOrder.LITTLE_ENDIAN)
        .putFloat(Float.NaN).putFloat(3).putFloat(1).putFloat(Float.NaN);
    return ModelInferRequest.newBuilder().setModelName(model)
        .addInputs(InferInputTensor.newBuilder().setName("input__0").setDatatype("FP32").addShape(2).addShape(2))
        .addRawInputContents(ByteString.copyFrom(raw.array())).build();
  }
}
