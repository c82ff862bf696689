package io.prodline.serving.grpc.tfserving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.tfserving.proto.Code;
import io.prodline.serving.grpc.tfserving.proto.DataType;
import io.prodline.serving.grpc.tfserving.proto.GetModelMetadataRequest;
import io.prodline.serving.grpc.tfserving.proto.GetModelMetadataResponse;
import io.prodline.serving.grpc.tfserving.proto.GetModelStatusRequest;
import io.prodline.serving.grpc.tfserving.proto.GetModelStatusResponse;
import io.prodline.serving.grpc.tfserving.proto.ModelServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.ModelServiceGrpc.ModelServiceBlockingStub;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.ModelVersionStatus;
import io.prodline.serving.grpc.tfserving.proto.PredictRequest;
import io.prodline.serving.grpc.tfserving.proto.PredictResponse;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc.PredictionServiceBlockingStub;
import io.prodline.serving.grpc.tfserving.proto.ReloadConfigRequest;
import io.prodline.serving.grpc.tfserving.proto.SignatureDef;
import io.prodline.serving.grpc.tfserving.proto.SignatureDefMap;
import io.prodline.serving.grpc.tfserving.proto.TensorInfo;
import io.prodline.serving.grpc.tfserving.proto.TensorProto;
import io.prodline.serving.grpc.tfserving.proto.TensorShapeProto;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TF Serving's {@code PredictionService} and {@code ModelService} end to end, on the same gRPC port as the Open
 * Inference Protocol, with stubs generated from the same protos a TF Serving client is generated from. See
 * {@link TestRepository}: {@code houses} version 2 predicts 2·age + 20·rooms + 200·(city = "b"), version 1 (label
 * {@code stable}) 1·age + 10·rooms + 100·(city = "b").
 */
class TfServingGrpcTest {
  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc();
  static PredictionServiceBlockingStub predictions;
  static ModelServiceBlockingStub models;

  @BeforeAll
  static void connect() {
    predictions = PredictionServiceGrpc.newBlockingStub(served.channel());
    models = ModelServiceGrpc.newBlockingStub(served.channel());
  }


  private static TensorProto.Builder tensor(DataType dtype, long... shape) {
    TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
    for (long size : shape) {
      dims.addDimBuilder().setSize(size);
    }
    return TensorProto.newBuilder().setDtype(dtype).setTensorShape(dims);
  }

  private static ModelSpec.Builder spec(String model) {
    return ModelSpec.newBuilder().setName(model);
  }

  /** Two houses: 1.5 years, 3 rooms, city b; and 2 years, 1 room, city a. */
  private static PredictRequest.Builder houses(ModelSpec.Builder spec) {
    return PredictRequest.newBuilder().setModelSpec(spec)
        .putInputs("age", tensor(DataType.DT_DOUBLE, 2).addDoubleVal(1.5).addDoubleVal(2).build())
        .putInputs("rooms", tensor(DataType.DT_INT64, 2, 1).addInt64Val(3).addInt64Val(1).build())
        .putInputs("city", tensor(DataType.DT_STRING, 2).addStringVal(ByteString.copyFromUtf8("b"))
            .addStringVal(ByteString.copyFromUtf8("a")).build());
  }

  @Test
  void predictsFromTypedValuesAndEchoesTheModelSpec() {
    PredictResponse response = predictions.predict(houses(spec("houses")).build());

    assertThat(response.getModelSpec()).isEqualTo(spec("houses").setVersion(Int64Value.of(2))
        .setSignatureName("serving_default").build());
    assertThat(response.getOutputsMap()).containsOnlyKeys("predictions");
    TensorProto output = response.getOutputsOrThrow("predictions");
    assertThat(output.getDtype()).isEqualTo(DataType.DT_FLOAT);
    assertThat(output.getTensorShape()).isEqualTo(tensor(DataType.DT_FLOAT, 2).getTensorShape());
    assertThat(output.getFloatValList()).containsExactly(263f, 24f);
  }

  @Test
  void predictsFromTensorContentAndAnswersClassProbabilities() {
    ByteBuffer x = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(1f);
    ByteBuffer y = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0).putDouble(1);
    PredictResponse response = predictions.predict(PredictRequest.newBuilder().setModelSpec(spec("iris"))
        .putInputs("x", tensor(DataType.DT_FLOAT, 2).setTensorContent(ByteString.copyFrom(x.array())).build())
        .putInputs("y", tensor(DataType.DT_DOUBLE, 2, 1).setTensorContent(ByteString.copyFrom(y.array())).build())
        .build());

    TensorProto output = response.getOutputsOrThrow("predictions");
    assertThat(output.getTensorShape()).isEqualTo(tensor(DataType.DT_FLOAT, 2, 3).getTensorShape());
    assertThat(output.getFloatValList()).containsExactly(0.25f, 0f, 0.125f, 1f, 1f, 1f);
  }

  /** iris's predictions for x = [1, 1], given as a single typed value that fills the shape, and {@code y}. */
  private static List<Float> irisWithX1(TensorProto.Builder y) {
    return predictions.predict(PredictRequest.newBuilder().setModelSpec(spec("iris"))
        .putInputs("x", tensor(DataType.DT_INT32, 2).addIntVal(1).build())
        .putInputs("y", y.build()).build()).getOutputsOrThrow("predictions").getFloatValList();
  }

  @Test
  void aSingleTypedValueFillsTheShapeAsInTensorFlow() {
    assertThat(irisWithX1(tensor(DataType.DT_HALF, 2).addHalfVal(0x3400).addHalfVal(0x3c00)))
        .containsExactly(1f, 0.25f, 0.625f, 1f, 1f, 1f);
  }

  @Test
  void takesBfloat16FromHalfValAndFromTensorContent() {
    assertThat(irisWithX1(tensor(DataType.DT_BFLOAT16, 2).addHalfVal(0x3e80).addHalfVal(0x3f80)))
        .containsExactly(1f, 0.25f, 0.625f, 1f, 1f, 1f);
    ByteBuffer content = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 0x3e80).putShort((short) 0x3f80);
    assertThat(irisWithX1(tensor(DataType.DT_BFLOAT16, 2).setTensorContent(ByteString.copyFrom(content.array()))))
        .containsExactly(1f, 0.25f, 0.625f, 1f, 1f, 1f);
  }

  @Test
  void aSingleStringFillsTheShapeToo() {
    PredictResponse response = predictions.predict(houses(spec("houses"))
        .putInputs("city", tensor(DataType.DT_STRING, 2).addStringVal(ByteString.copyFromUtf8("b")).build()).build());

    assertThat(response.getOutputsOrThrow("predictions").getFloatValList()).containsExactly(263f, 224f);
  }

  /** One value that would fill gigabytes is refused before anything is allocated for it. */
  @Test
  void aShapeBeyondTheRowLimitIsInvalidHoweverFewItsValues() {
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("age", tensor(DataType.DT_DOUBLE, 2147483639).addDoubleVal(1).build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'age' has shape [2147483639], more than the 10000 rows this server "
            + "accepts in one request; split it into smaller requests");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("city", tensor(DataType.DT_STRING, 10001, 1).addStringVal(ByteString.copyFromUtf8("b")).build())
        .build()),
        Status.Code.INVALID_ARGUMENT, "input 'city' has shape [10001, 1], more than the 10000 rows this server "
            + "accepts in one request");
  }

  @Test
  void versionsAndLabelsChooseTheVersionThatAnswers() {
    PredictResponse byNumber = predictions.predict(houses(spec("houses").setVersion(Int64Value.of(1))).build());
    assertThat(byNumber.getModelSpec().getVersion().getValue()).isEqualTo(1);
    assertThat(byNumber.getOutputsOrThrow("predictions").getFloatValList()).containsExactly(131.5f, 12f);

    PredictResponse byLabel = predictions.predict(houses(spec("houses").setVersionLabel("stable")).build());
    assertThat(byLabel.getModelSpec().getVersion().getValue()).isEqualTo(1);
    assertThat(byLabel.getModelSpec().getVersionLabel()).isEmpty();
    assertThat(byLabel.getOutputsOrThrow("predictions").getFloatValList()).containsExactly(131.5f, 12f);
  }

  @Test
  void unknownModelsVersionsAndLabelsAreNotFound() {
    assertStatus(() -> predictions.predict(houses(spec("nope")).build()), Status.Code.NOT_FOUND,
        "model 'nope' not found");
    assertStatus(() -> predictions.predict(houses(spec("houses").setVersion(Int64Value.of(9))).build()),
        Status.Code.NOT_FOUND, "has no version 9");
    assertStatus(() -> predictions.predict(houses(spec("houses").setVersionLabel("canary")).build()),
        Status.Code.NOT_FOUND, "label 'canary'");
    assertStatus(() -> predictions.getModelMetadata(GetModelMetadataRequest.newBuilder().setModelSpec(spec("nope"))
        .addMetadataField("signature_def").build()), Status.Code.NOT_FOUND, "model 'nope' not found");
    assertStatus(() -> models.getModelStatus(GetModelStatusRequest.newBuilder()
        .setModelSpec(spec("houses").setVersion(Int64Value.of(9))).build()), Status.Code.NOT_FOUND,
        "has no version 9");
  }

  @Test
  void outputFilterNamesTheOutput() {
    PredictResponse filtered = predictions.predict(houses(spec("houses")).addOutputFilter("predictions").build());
    assertThat(filtered.getOutputsOrThrow("predictions").getFloatValList()).containsExactly(263f, 24f);

    assertStatus(() -> predictions.predict(houses(spec("houses")).addOutputFilter("scores").build()),
        Status.Code.INVALID_ARGUMENT, "output_filter: unknown output 'scores'; the model's output is "
            + "'predictions'");
    assertStatus(() -> predictions.predict(houses(spec("houses")).addOutputFilter("predictions")
        .addOutputFilter("predictions").build()), Status.Code.INVALID_ARGUMENT,
        "output_filter: output 'predictions' is asked for twice; name each output once");
  }

  @Test
  void requestsThatDoNotFitTheModelAreInvalidWithTheReason() {
    assertStatus(() -> predictions.predict(houses(spec("houses").setSignatureName("classify")).build()),
        Status.Code.INVALID_ARGUMENT, "unknown signature_name \"classify\"; this model has \"serving_default\"");
    assertStatus(() -> predictions.predict(houses(spec("")).build()), Status.Code.INVALID_ARGUMENT,
        "model_spec.name is empty; name the model in the request's model_spec");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("rooms", tensor(DataType.DT_FLOAT, 2).addFloatVal(3).addFloatVal(1).build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'rooms' is DT_FLOAT but the feature is int64; send DT_INT64 or "
            + "another integer dtype");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("age", tensor(DataType.DT_DOUBLE, 2, 2).addDoubleVal(1).addDoubleVal(2).addDoubleVal(3)
            .addDoubleVal(4).build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'age' has shape [2, 2]; prodline models take one tensor per feature, "
            + "of shape [N] or [N, 1]");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("age", tensor(DataType.DT_DOUBLE, 2).addDoubleVal(1).addDoubleVal(2).addDoubleVal(3).build())
        .build()), Status.Code.INVALID_ARGUMENT, "input 'age' has 3 values in double_val but its shape [2] needs 2 "
            + "(or one, repeated to fill it)");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("age", tensor(DataType.DT_DOUBLE, 2).addFloatVal(1).addFloatVal(2).build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'age' has 0 values in double_val but its shape [2] needs 2 (or one, "
            + "repeated to fill it); send DT_DOUBLE values there or in tensor_content");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("age", tensor(DataType.DT_DOUBLE, 2).setTensorContent(ByteString.copyFrom(new byte[12]))
            .build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'age' has 12 bytes in tensor_content but its shape [2] of DT_DOUBLE "
            + "needs 16");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("city", tensor(DataType.DT_STRING, 2).addStringVal(ByteString.copyFromUtf8("a"))
            .addStringVal(ByteString.copyFrom(new byte[] {(byte) 0xC0, (byte) 0x80})).build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'city' string_val element 1 is not UTF-8 text: byte 0 (0xC0) starts no "
            + "well-formed UTF-8 sequence; send strings as UTF-8");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("rooms", tensor(DataType.DT_UINT8, 2).addIntVal(3).addIntVal(256).build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'rooms' element 1 is 256, outside the range of DT_UINT8");
    assertStatus(() -> predictions.predict(houses(spec("houses"))
        .putInputs("age", tensor(DataType.DT_COMPLEX64, 2).build()).build()),
        Status.Code.INVALID_ARGUMENT, "input 'age' has dtype DT_COMPLEX64, which prodline models do not take");
    assertStatus(() -> predictions.predict(houses(spec("houses")).removeInputs("city").build()),
        Status.Code.INVALID_ARGUMENT, "input 'city' is missing; the model takes");
  }

  @Test
  void metadataIsTheServingDefaultSignatureInAnAny() throws Exception {
    GetModelMetadataResponse response = predictions.getModelMetadata(GetModelMetadataRequest.newBuilder()
        .setModelSpec(spec("houses")).addMetadataField("signature_def").build());

    assertThat(response.getModelSpec()).isEqualTo(spec("houses").setVersion(Int64Value.of(2)).build());
    Any any = response.getMetadataOrThrow("signature_def");
    assertThat(any.getTypeUrl()).isEqualTo("type.googleapis.com/tensorflow.serving.SignatureDefMap");
    SignatureDef signature = any.unpack(SignatureDefMap.class).getSignatureDefOrThrow("serving_default");
    assertThat(signature.getMethodName()).isEqualTo("tensorflow/serving/predict");
    assertThat(signature.getInputsMap()).containsOnlyKeys("age", "rooms", "city");
    assertThat(signature.getInputsOrThrow("age")).isEqualTo(TensorInfo.newBuilder().setName("age")
        .setDtype(DataType.DT_DOUBLE).setTensorShape(tensor(DataType.DT_DOUBLE, -1).getTensorShape()).build());
    assertThat(signature.getInputsOrThrow("rooms").getDtype()).isEqualTo(DataType.DT_INT64);
    assertThat(signature.getInputsOrThrow("city").getDtype()).isEqualTo(DataType.DT_STRING);
    assertThat(signature.getOutputsOrThrow("predictions")).isEqualTo(TensorInfo.newBuilder().setName("predictions")
        .setDtype(DataType.DT_FLOAT).setTensorShape(tensor(DataType.DT_FLOAT, -1).getTensorShape()).build());

    SignatureDef iris = predictions.getModelMetadata(GetModelMetadataRequest.newBuilder()
            .setModelSpec(spec("iris")).addMetadataField("signature_def").build())
        .getMetadataOrThrow("signature_def").unpack(SignatureDefMap.class).getSignatureDefOrThrow("serving_default");
    assertThat(iris.getOutputsOrThrow("predictions").getTensorShape())
        .isEqualTo(tensor(DataType.DT_FLOAT, -1, 3).getTensorShape());

    GetModelMetadataResponse stable = predictions.getModelMetadata(GetModelMetadataRequest.newBuilder()
        .setModelSpec(spec("houses").setVersionLabel("stable")).addMetadataField("signature_def").build());
    assertThat(stable.getModelSpec().getVersion().getValue()).isEqualTo(1);

    assertStatus(() -> predictions.getModelMetadata(GetModelMetadataRequest.newBuilder().setModelSpec(spec("houses"))
        .build()), Status.Code.INVALID_ARGUMENT, "metadata_field is empty; ask for \"signature_def\"");
    assertStatus(() -> predictions.getModelMetadata(GetModelMetadataRequest.newBuilder().setModelSpec(spec("houses"))
        .addMetadataField("graph").build()), Status.Code.INVALID_ARGUMENT, "metadata_field \"graph\" is not "
        + "supported; the one field is \"signature_def\"");
  }

  @Test
  void modelStatusListsEveryVersionOrTheOneAskedFor() {
    GetModelStatusResponse all = models.getModelStatus(GetModelStatusRequest.newBuilder()
        .setModelSpec(spec("houses")).build());
    assertThat(all.getModelVersionStatusList()).extracting(ModelVersionStatus::getVersion)
        .containsExactly(3L, 2L, 1L);
    ModelVersionStatus broken = all.getModelVersionStatus(0);
    assertThat(broken.getState()).isEqualTo(ModelVersionStatus.State.END);
    assertThat(broken.getStatus().getErrorCode()).isEqualTo(Code.UNKNOWN);
    assertThat(broken.getStatus().getErrorMessage()).isNotEmpty();
    assertThat(all.getModelVersionStatus(1).getState()).isEqualTo(ModelVersionStatus.State.AVAILABLE);
    assertThat(all.getModelVersionStatus(1).getStatus().getErrorCode()).isEqualTo(Code.OK);

    GetModelStatusResponse stable = models.getModelStatus(GetModelStatusRequest.newBuilder()
        .setModelSpec(spec("houses").setVersionLabel("stable")).build());
    assertThat(stable.getModelVersionStatusList()).extracting(ModelVersionStatus::getVersion).containsExactly(1L);
    assertThat(stable.getModelVersionStatus(0).getState()).isEqualTo(ModelVersionStatus.State.AVAILABLE);
  }

  @Test
  void configReloadsNeedTheManagementApi() {
    assertStatus(() -> models.handleReloadConfigRequest(ReloadConfigRequest.getDefaultInstance()),
        Status.Code.FAILED_PRECONDITION, "HandleReloadConfigRequest needs the management API: start the server with "
            + "--management-port and a management token");
  }

  @Test
  void predictionsAreCountedUnderTheirOwnProtocol() {
    predictions.predict(houses(spec("houses")).build());
    HttpTestClient.Answer metrics = served.http().get("/metrics");
    assertThat(metrics.body()).contains("protocol=\"grpc_tfserving\"");
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(message);
    });
  }
}
