package io.prodline.serving;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ModelRunException;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import io.prodline.serving.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A model whose runtime fails while predicting ({@link ModelRunException}, as ONNX Runtime's errors become) is the
 * server's failure, not the client's: 500 on both REST APIs and INTERNAL over gRPC, never 400 / INVALID_ARGUMENT,
 * with a sentence naming the request and none of the runtime's words.
 */
class ModelRunFailureTest {
  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc().withModels(root -> TestBundles.write(root,
      "crashing", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)), "fail run\n1\n"));

  @Test
  void isA500OnTheTensorFlowServingApi() {
    Answer answer = served.http().post("/v1/models/crashing:predict", "{\"instances\": [{\"x\": 1}]}");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.error()).isEqualTo("the model failed to run while answering POST "
        + "/v1/models/crashing:predict; the details are in the server log");
  }

  @Test
  void isA500OnTheOpenInferenceProtocol() {
    Answer answer = served.http().post("/v2/models/crashing/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.error()).isEqualTo("the model failed to run while answering POST "
        + "/v2/models/crashing/infer; the details are in the server log");
  }

  @Test
  void isInternalOverGrpc() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("crashing")
        .addInputs(InferInputTensor.newBuilder().setName("x").setDatatype("FP64").addShape(1)
            .setContents(InferTensorContents.newBuilder().addFp64Contents(1)))
        .build();
    assertThatThrownBy(() -> served.v2().modelInfer(request))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
          assertThat(e.getStatus().getDescription()).isEqualTo(
              "the model failed to run while answering ModelInfer crashing; the details are in the server log");
        });
  }
}
