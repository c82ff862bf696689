package io.prodline.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.v2.DataType;
import io.prodline.serving.grpc.v2.InferParameter;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelConfig;
import io.prodline.serving.grpc.v2.ModelConfigRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ModelInput;
import io.prodline.serving.grpc.v2.ModelMetadataRequest;
import io.prodline.serving.grpc.v2.ModelMetadataResponse;
import io.prodline.serving.grpc.v2.ModelReadyRequest;
import io.prodline.serving.grpc.v2.ServerLiveRequest;
import io.prodline.serving.grpc.v2.ServerMetadataRequest;
import io.prodline.serving.grpc.v2.ServerReadyRequest;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code inference.GRPCInferenceService} end to end, with the generated Java stub. See {@link TestRepository}. */
class GrpcInferenceServiceTest {
  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc();

  private static InferInputTensor.Builder tensor(String name, String datatype, long... shape) {
    InferInputTensor.Builder tensor = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
    for (long dim : shape) {
      tensor.addShape(dim);
    }
    return tensor;
  }

  @Test
  void listensOnItsOwnEphemeralPort() {
    assertThat(served.server().actualGrpcPort()).isPositive().isNotEqualTo(served.server().actualPort());
  }

  @Test
  void answersHealthAndMetadata() {
    assertThat(served.v2().serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
    assertThat(served.v2().serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
    assertThat(served.v2().serverMetadata(ServerMetadataRequest.getDefaultInstance()).getExtensionsList())
        .containsExactly("binary_tensor_data", "classification", "model_configuration", "statistics");
    assertThat(served.v2().modelReady(ModelReadyRequest.newBuilder().setName("houses").build()).getReady()).isTrue();
    assertThat(served.v2().modelReady(ModelReadyRequest.newBuilder().setName("houses").setVersion("3").build())
        .getReady()).isFalse();

    ModelMetadataResponse metadata =
        served.v2().modelMetadata(ModelMetadataRequest.newBuilder().setName("iris").build());
    assertThat(metadata.getVersionsList()).containsExactly("1");
    assertThat(metadata.getInputsList()).extracting(ModelMetadataResponse.TensorMetadata::getName)
        .containsExactly("x", "y");
    assertThat(metadata.getOutputs(0).getShapeList()).containsExactly(-1L, 3L);
  }

  @Test
  void infersFromTypedContents() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("houses").setId("g-1")
        .addInputs(tensor("age", "FP32", 2).setContents(InferTensorContents.newBuilder()
            .addFp32Contents(1.5f).addFp32Contents(2f)))
        .addInputs(tensor("rooms", "INT64", 2, 1).setContents(InferTensorContents.newBuilder()
            .addInt64Contents(3).addInt64Contents(1)))
        .addInputs(tensor("city", "BYTES", 2).setContents(InferTensorContents.newBuilder()
            .addBytesContents(ByteString.copyFromUtf8("b")).addBytesContents(ByteString.copyFromUtf8("a"))))
        .build();
    ModelInferResponse response = served.v2().modelInfer(request);
    assertThat(response.getModelName()).isEqualTo("houses");
    assertThat(response.getModelVersion()).isEqualTo("2");
    assertThat(response.getId()).isEqualTo("g-1");
    assertThat(response.getOutputs(0).getName()).isEqualTo("predictions");
    assertThat(response.getOutputs(0).getDatatype()).isEqualTo("FP32");
    assertThat(response.getOutputs(0).getShapeList()).containsExactly(2L);
    assertThat(response.getOutputs(0).getContents().getFp32ContentsList()).containsExactly(263f, 24f);
    assertThat(response.getRawOutputContentsCount()).isZero();
  }

  /** Inputs of the protocol's scalar shape [], one value each, are one row. */
  @Test
  void infersOneRowFromScalarInputs() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("houses")
        .addInputs(tensor("age", "FP64").setContents(InferTensorContents.newBuilder().addFp64Contents(1.5)))
        .addInputs(tensor("rooms", "INT64").setContents(InferTensorContents.newBuilder().addInt64Contents(3)))
        .addInputs(tensor("city", "BYTES").setContents(InferTensorContents.newBuilder()
            .addBytesContents(ByteString.copyFromUtf8("b"))))
        .build();
    ModelInferResponse response = served.v2().modelInfer(request);
    assertThat(response.getOutputs(0).getShapeList()).containsExactly(1L);
    assertThat(response.getOutputs(0).getContents().getFp32ContentsList()).containsExactly(263f);
  }

  /** x is 0.25 and 1.0 as 16-bit floats: FP16 0x3400 0x3c00, BF16 (a float32's upper half) 0x3e80 0x3f80. */
  @ParameterizedTest
  @CsvSource({"FP16, 0x3400, 0x3c00", "BF16, 0x3e80, 0x3f80"})
  void infersFromRawContentsAndAnswersRaw(String datatype, String quarter, String one) {
    ByteBuffer x = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putShort(Integer.decode(quarter).shortValue()).putShort(Integer.decode(one).shortValue());
    ByteBuffer y = ByteBuffer.allocate(2).put((byte) 0).put((byte) 1); // UINT8
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("iris").setModelVersion("1")
        .addInputs(tensor("x", datatype, 2)).addInputs(tensor("y", "UINT8", 2, 1))
        .addRawInputContents(ByteString.copyFrom(x.array())).addRawInputContents(ByteString.copyFrom(y.array()))
        .build();
    ModelInferResponse response = served.v2().modelInfer(request);
    assertThat(response.getOutputs(0).getShapeList()).containsExactly(2L, 3L);
    assertThat(response.getOutputs(0).hasContents()).isFalse();
    ByteBuffer raw = response.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[raw.remaining() / 4];
    raw.asFloatBuffer().get(values);
    assertThat(values).containsExactly(0.25f, 0f, 0.125f, 1f, 1f, 1f);
  }

  /** The same configuration as REST's {@code /config} (see OpenInferenceRestTest), in Triton's messages. */
  @Test
  void describesModelsAsTritonsModelConfiguration() {
    ModelConfig houses = served.v2().modelConfig(ModelConfigRequest.newBuilder().setName("houses").build())
        .getConfig();
    assertThat(houses.getName()).isEqualTo("houses");
    assertThat(houses.getPlatform()).isEqualTo("prodline_linear-test");
    assertThat(houses.getBackend()).isEqualTo("prodline");
    assertThat(houses.getMaxBatchSize()).isEqualTo(10_000);
    assertThat(houses.getVersionPolicy().hasAll()).isTrue();
    assertThat(houses.getInputList()).extracting(ModelInput::getName, ModelInput::getDataType, ModelInput::getDimsList,
        i -> i.getReshape().getShapeList(), ModelInput::hasReshape).containsExactly(
            tuple("age", DataType.TYPE_FP64, List.of(1L), List.of(), true),
            tuple("rooms", DataType.TYPE_INT64, List.of(1L), List.of(), true),
            tuple("city", DataType.TYPE_STRING, List.of(1L), List.of(), true));
    assertThat(houses.getOutput(0).getDataType()).isEqualTo(DataType.TYPE_FP32);
    assertThat(houses.hasDynamicBatching()).isFalse();
    assertThat(houses.getParametersMap()).containsOnlyKeys("allow_nan", "allow_infinity");
    assertThat(houses.getParametersMap().get("allow_nan").getStringValue()).isEqualTo("false");

    ModelConfig iris = served.v2().modelConfig(ModelConfigRequest.newBuilder().setName("iris").setVersion("1")
        .build()).getConfig();
    assertThat(iris.getOutput(0).getDimsList()).containsExactly(3L);
    assertThat(iris.getOutput(0).hasReshape()).isFalse();
    assertThat(iris.getVersionPolicy().getLatest().getNumVersions()).isEqualTo(1);
    assertStatus(() -> served.v2().modelConfig(ModelConfigRequest.newBuilder().setName("nope").build()),
        Status.Code.NOT_FOUND, "model 'nope' not found");
  }

  @Test
  void answersTopClassesWhenAnOutputAsksForClassification() {
    InferParameter two = InferParameter.newBuilder().setInt64Param(2).build();
    ModelInferRequest typed = ModelInferRequest.newBuilder().setModelName("iris")
        .addInputs(tensor("x", "FP32", 2).setContents(InferTensorContents.newBuilder().addFp32Contents(0.25f)
            .addFp32Contents(1f)))
        .addInputs(tensor("y", "FP32", 2).setContents(InferTensorContents.newBuilder().addFp32Contents(0f)
            .addFp32Contents(1f)))
        .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("predictions")
            .putParameters("classification", two))
        .build();
    ModelInferResponse.InferOutputTensor output = served.v2().modelInfer(typed).getOutputs(0);
    assertThat(output.getDatatype()).isEqualTo("BYTES");
    assertThat(output.getShapeList()).containsExactly(2L, 2L);
    assertThat(output.getContents().getBytesContentsList()).extracting(ByteString::toStringUtf8)
        .containsExactly("0.25:0:setosa", "0.125:2:virginica", "1.0:0:setosa", "1.0:1:versicolor");

    // Raw in, raw out: the BYTES layout, a 4-byte length before each element.
    ByteBuffer x = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(1f);
    ByteBuffer y = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0f).putFloat(1f);
    ModelInferResponse raw = served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("iris")
        .addInputs(tensor("x", "FP32", 2)).addInputs(tensor("y", "FP32", 2))
        .addRawInputContents(ByteString.copyFrom(x.array())).addRawInputContents(ByteString.copyFrom(y.array()))
        .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("predictions")
            .putParameters("classification", InferParameter.newBuilder().setInt64Param(1).build()))
        .build());
    assertThat(raw.getOutputs(0).getShapeList()).containsExactly(2L, 1L);
    ByteBuffer texts = raw.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    List<String> top = new ArrayList<>();
    while (texts.hasRemaining()) {
      byte[] text = new byte[texts.getInt()];
      texts.get(text);
      top.add(new String(text, StandardCharsets.UTF_8));
    }
    assertThat(top).containsExactly("0.25:0:setosa", "1.0:0:setosa");

    assertStatus(() -> served.v2().modelInfer(typed.toBuilder().setOutputs(0, typed.getOutputs(0).toBuilder()
        .putParameters("classification", InferParameter.newBuilder().setStringParam("2").build())).build()),
        Status.Code.INVALID_ARGUMENT, "parameter classification of output 'predictions' must be a positive integer");
  }

  @Test
  void mapsFailuresToStatusCodes() {
    assertStatus(() -> served.v2().modelMetadata(ModelMetadataRequest.newBuilder().setName("nope").build()),
        Status.Code.NOT_FOUND, "model 'nope' not found");
    assertStatus(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("houses").setModelVersion("9")
        .build()), Status.Code.NOT_FOUND, "has no version 9");
    assertStatus(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("slow")
        .addInputs(tensor("x", "FP32", 2).setContents(InferTensorContents.newBuilder().addFp32Contents(1f)))
        .build()), Status.Code.INVALID_ARGUMENT, "input 'x' has 1 elements in contents.fp32_contents");
    // Values in the field of another datatype: the error names where they are.
    assertStatus(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("slow")
        .addInputs(tensor("x", "FP32", 2).setContents(InferTensorContents.newBuilder().addFp64Contents(1)
            .addFp64Contents(2)))
        .build()), Status.Code.INVALID_ARGUMENT, "input 'x' has 0 elements in contents.fp32_contents but its shape "
        + "needs 2; its values are in contents.fp64_contents, which does not match its datatype: set the datatype of "
        + "those values, or send them in fp32_contents");
    assertStatus(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("slow")
        .addInputs(tensor("x", "FP16", 1)).build()), Status.Code.INVALID_ARGUMENT, "send it in raw_input_contents");
    assertStatus(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("slow")
        .addInputs(tensor("x", "BF16", 1)).build()), Status.Code.INVALID_ARGUMENT,
        "input 'x' is BF16, which has no typed contents field; send it in raw_input_contents");
    assertStatus(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("houses")
        .addInputs(tensor("age", "FP64", 1).setContents(InferTensorContents.newBuilder().addFp64Contents(1)))
        .addInputs(tensor("rooms", "INT64", 1).setContents(InferTensorContents.newBuilder().addInt64Contents(1)))
        .addInputs(tensor("city", "BYTES", 1).setContents(InferTensorContents.newBuilder()
            .addBytesContents(ByteString.copyFrom(new byte[] {'b', (byte) 0xC0, (byte) 0xAF}))))
        .build()), Status.Code.INVALID_ARGUMENT, "input 'city' BYTES element 0 is not UTF-8 text: byte 1 (0xC0) "
            + "starts no well-formed UTF-8 sequence; send strings as UTF-8");
    assertStatus(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("exploding")
        .addInputs(tensor("x", "FP32", 1).setContents(InferTensorContents.newBuilder().addFp32Contents(1f)))
        .build()), Status.Code.INTERNAL, "details are in the server log");
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(message);
    });
  }
}
