package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ModelMetadataRequest;
import io.prodline.serving.grpc.v2.ModelMetadataResponse;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A model.onnx that is not rows of features (tensors.onnx: six inputs of five datatypes and three ranks, six
 * outputs) served tensor for tensor over the Open Inference Protocol, REST and gRPC. Expected values follow from the
 * graph's arithmetic (make_mlp.py): sum = a + b, argmax of each row of sum, not_flag, text_out = text,
 * half_doubled = 2 h, img_sum = the sum of each 2 x 2 image.
 */
class TensorModelServingTest {
  private static final Path FIXTURES = Path.of("../prodline-runtime-onnx/src/test/resources/onnx");
  /** Two rows of every input, JSON. */
  private static final String INPUTS = "[{\"name\": \"a\", \"shape\": [2, 4], \"datatype\": \"FP32\", \"data\": "
      + "[[1, 2, 3, 4], [0.5, 0.25, 0, -1]]},"
      + " {\"name\": \"b\", \"shape\": [2, 4], \"datatype\": \"INT64\", \"data\": [0, 0, -10, 0, 7, 0, 0, 0]},"
      + " {\"name\": \"flag\", \"shape\": [2], \"datatype\": \"BOOL\", \"data\": [true, false]},"
      + " {\"name\": \"text\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"z\u00fcrich\", \"\"]},"
      + " {\"name\": \"h\", \"shape\": [2, 2], \"datatype\": \"FP16\", \"data\": [1.5, -0.25, 65504, 0.1]},"
      + " {\"name\": \"img\", \"shape\": [2, 2, 2], \"datatype\": \"FP32\", \"data\": [1, 2, 3, 4, 10, 20, 30, 40]}]";

  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc().withModels(root -> Files.copy(
      FIXTURES.resolve("tensors.onnx"), Files.createDirectories(root.resolve("t/1")).resolve("model.onnx")));
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    http = served.http();
  }

  @Test
  void metadataListsTheGraphsTensorsAsTheyAre() {
    Answer answer = http.get("/v2/models/t");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"name\":\"t\",\"versions\":[\"1\"],\"platform\":\"prodline_onnx\","
        + "\"inputs\":[{\"name\":\"a\",\"datatype\":\"FP32\",\"shape\":[-1,4]},"
        + "{\"name\":\"b\",\"datatype\":\"INT64\",\"shape\":[-1,4]},"
        + "{\"name\":\"flag\",\"datatype\":\"BOOL\",\"shape\":[-1]},"
        + "{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
        + "{\"name\":\"h\",\"datatype\":\"FP16\",\"shape\":[-1,2]},"
        + "{\"name\":\"img\",\"datatype\":\"FP32\",\"shape\":[-1,2,2]}],"
        + "\"outputs\":[{\"name\":\"sum\",\"datatype\":\"FP32\",\"shape\":[-1,4]},"
        + "{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[-1]},"
        + "{\"name\":\"not_flag\",\"datatype\":\"BOOL\",\"shape\":[-1]},"
        + "{\"name\":\"text_out\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
        + "{\"name\":\"half_doubled\",\"datatype\":\"FP32\",\"shape\":[-1,2]},"
        + "{\"name\":\"img_sum\",\"datatype\":\"FP32\",\"shape\":[-1]}]}");
    ModelMetadataResponse grpc = served.v2().modelMetadata(ModelMetadataRequest.newBuilder().setName("t").build());
    assertThat(grpc.getInputsList()).extracting(t -> t.getName() + " " + t.getDatatype() + " " + t.getShapeList())
        .containsExactly("a FP32 [-1, 4]", "b INT64 [-1, 4]", "flag BOOL [-1]", "text BYTES [-1]", "h FP16 [-1, 2]",
            "img FP32 [-1, 2, 2]");
    JsonNode config = http.get("/v2/models/t/config").json();
    assertThat(config.get("max_batch_size").asInt()).isZero();
    assertThat(config.get("input").get(5).toString())
        .isEqualTo("{\"name\":\"img\",\"data_type\":\"TYPE_FP32\",\"dims\":[-1,2,2]}");
    assertThat(http.get("/v2/models/t/ready").status()).isEqualTo(200);
  }

  @Test
  void everyOutputIsAnsweredInJsonWithTheGraphsValues() {
    Answer answer = http.post("/v2/models/t/infer", "{\"id\": \"r1\", \"inputs\": " + INPUTS + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"model_name\":\"t\",\"model_version\":\"1\",\"id\":\"r1\",\"outputs\":["
        + "{\"name\":\"sum\",\"datatype\":\"FP32\",\"shape\":[2,4],\"data\":[1.0,2.0,-7.0,4.0,7.5,0.25,0.0,-1.0]},"
        + "{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[2],\"data\":[3,0]},"
        + "{\"name\":\"not_flag\",\"datatype\":\"BOOL\",\"shape\":[2],\"data\":[false,true]},"
        + "{\"name\":\"text_out\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"z\u00fcrich\",\"\"]},"
        // 0.1 is the half 0x2E66, 0.0999755859375; doubled in float32
        + "{\"name\":\"half_doubled\",\"datatype\":\"FP32\",\"shape\":[2,2],\"data\":[3.0,-0.5,131008.0,0.19995117]},"
        + "{\"name\":\"img_sum\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[10.0,100.0]}]}");
  }

  @Test
  void outputsAskedForComeInThatOrderAndAsBinaryDataWhenAsked() throws Exception {
    String body = "{\"inputs\": " + INPUTS + ", \"outputs\": [{\"name\": \"argmax\", \"parameters\": "
        + "{\"binary_data\": true}}, {\"name\": \"img_sum\"}]}";
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(http.uri("/v2/models/t/infer"))).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    int jsonLength = Integer.parseInt(response.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
    String json = new String(response.body(), 0, jsonLength, StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"model_name\":\"t\",\"model_version\":\"1\",\"outputs\":["
        + "{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[2],\"parameters\":{\"binary_data_size\":16}},"
        + "{\"name\":\"img_sum\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[10.0,100.0]}]}");
    ByteBuffer raw = ByteBuffer.wrap(response.body(), jsonLength, 16).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new long[] {raw.getLong(), raw.getLong()}).containsExactly(3, 0);
  }

  @Test
  void grpcTakesTypedAndRawContentsAndAnswersRawContentsAsTriton() {
    ByteBuffer half = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 0x3E00).putShort((short) 0xB400).putShort((short) 0x7BFF).putShort((short) 0x0001);
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("t")
        .addInputs(input("a", "FP32", 2, 4).setContents(InferTensorContents.newBuilder()
            .addAllFp32Contents(Arrays.asList(1f, 2f, 3f, 4f, 0.5f, 0.25f, 0f, -1f))))
        .addInputs(input("b", "INT64", 2, 4).setContents(InferTensorContents.newBuilder()
            .addAllInt64Contents(Arrays.asList(0L, 0L, -10L, 0L, 7L, 0L, 0L, 0L))))
        .addInputs(input("flag", "BOOL", 2).setContents(InferTensorContents.newBuilder()
            .addBoolContents(true).addBoolContents(false)))
        .addInputs(input("text", "BYTES", 2).setContents(InferTensorContents.newBuilder()
            .addBytesContents(ByteString.copyFromUtf8("z\u00fcrich")).addBytesContents(ByteString.EMPTY)))
        .addInputs(input("h", "FP16", 2, 2)) // FP16 has no typed contents: raw, and then every input raw
        .addInputs(input("img", "FP32", 2, 2, 2))
        .build();
    ModelInferRequest raw = request.toBuilder().clearInputs()
        .addAllInputs(request.getInputsList().stream().map(t -> t.toBuilder().clearContents().build()).toList())
        .addRawInputContents(floats(1, 2, 3, 4, 0.5f, 0.25f, 0, -1))
        .addRawInputContents(ByteString.copyFrom(ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN)
            .putLong(0).putLong(0).putLong(-10).putLong(0).putLong(7).putLong(0).putLong(0).putLong(0).flip()))
        .addRawInputContents(ByteString.copyFrom(new byte[] {1, 0}))
        .addRawInputContents(ByteString.copyFrom(ByteBuffer.allocate(4 + 7 + 4).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(7).put("z\u00fcrich".getBytes(StandardCharsets.UTF_8)).putInt(0).flip()))
        .addRawInputContents(ByteString.copyFrom(half.flip()))
        .addRawInputContents(floats(1, 2, 3, 4, 10, 20, 30, 40))
        .build();
    ModelInferResponse response = served.v2().modelInfer(raw);
    assertThat(response.getOutputsList()).extracting(t -> t.getName() + " " + t.getDatatype() + " "
        + t.getShapeList()).containsExactly("sum FP32 [2, 4]", "argmax INT64 [2]", "not_flag BOOL [2]",
        "text_out BYTES [2]", "half_doubled FP32 [2, 2]", "img_sum FP32 [2]");
    assertThat(response.getRawOutputContentsCount()).isEqualTo(6);
    ByteBuffer halfDoubled = response.getRawOutputContents(4).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new float[] {halfDoubled.getFloat(), halfDoubled.getFloat(), halfDoubled.getFloat(),
        halfDoubled.getFloat()}).containsExactly(3f, -0.5f, 131008f, 2 * 0x1p-24f);
    assertThat(response.getRawOutputContents(2).toByteArray()).containsExactly(0, 1);
    ByteBuffer text = response.getRawOutputContents(3).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(text.getInt()).isEqualTo(7);
  }

  @Test
  void misfitsAre400WithTheReasonAsTritonChecksThem() {
    assertBadRequest(INPUTS.replace("\"INT64\"", "\"INT32\""),
        "input 'b' is INT32 but the model takes b INT64 [-1, 4]; send INT64");
    assertBadRequest(INPUTS.replace("\"shape\": [2, 2, 2]", "\"shape\": [2, 4]"),
        "input 'img' has shape [2, 4]; the model takes img FP32 [-1, 2, 2] (-1: any size)");
    assertBadRequest(INPUTS.replaceFirst("\\{\"name\": \"flag\"[^}]*\\},", ""),
        "input 'flag' is missing; the model takes [a FP32 [-1, 4], b INT64 [-1, 4], flag BOOL [-1], text BYTES "
            + "[-1], h FP16 [-1, 2], img FP32 [-1, 2, 2]]");
    assertBadRequest(INPUTS.replace("[1, 2, 3, 4, 10", "[NaN, 2, 3, 4, 10"), "input 'img' element 0 is NaN");
    Answer unknownOutput = http.post("/v2/models/t/infer", "{\"inputs\": " + INPUTS + ", \"outputs\": [{\"name\": "
        + "\"score\"}]}");
    assertThat(unknownOutput.status()).isEqualTo(400);
    assertThat(unknownOutput.error()).startsWith("unknown output 'score'; the model's outputs are [sum, argmax,");
    assertThatThrownBy(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("t")
        .addInputs(input("a", "FP64", 1, 4).setContents(InferTensorContents.newBuilder()
            .addAllFp64Contents(Arrays.asList(1d, 2d, 3d, 4d)))).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("input 'a' is FP64 but the model takes a FP32");
        });
  }

  /** The two rows of {@link #INPUTS} as TF Serving's row format, each an object naming every input. */
  private static final String INSTANCES = "[{\"a\": [1, 2, 3, 4], \"b\": [0, 0, -10, 0], \"flag\": true, "
      + "\"text\": \"z\u00fcrich\", \"h\": [1.5, -0.25], \"img\": [[1, 2], [3, 4]]}, "
      + "{\"a\": [0.5, 0.25, 0, -1], \"b\": [7, 0, 0, 0], \"flag\": false, \"text\": {\"b64\": \"\"}, "
      + "\"h\": [65504, 0.1], \"img\": [[10, 20], [30, 40]]}]";

  @Test
  void tfServingsRowFormatStacksEachInputAndAnswersEachRowsOutputs() {
    Answer answer = http.post("/v1/models/t:predict", "{\"instances\": " + INSTANCES + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"predictions\":["
        + "{\"sum\":[1.0,2.0,-7.0,4.0],\"argmax\":3,\"not_flag\":false,\"text_out\":\"z\u00fcrich\","
        + "\"half_doubled\":[3.0,-0.5],\"img_sum\":10.0},"
        + "{\"sum\":[7.5,0.25,0.0,-1.0],\"argmax\":0,\"not_flag\":true,\"text_out\":\"\","
        + "\"half_doubled\":[131008.0,0.19995117],\"img_sum\":100.0}]}");
  }

  @Test
  void tfServingsColumnarFormatTakesAndAnswersWholeTensors() {
    String columns = "{\"inputs\": {\"a\": [[1, 2, 3, 4], [0.5, 0.25, 0, -1]], \"b\": [[0, 0, -10, 0], [7, 0, 0, 0]], "
        + "\"flag\": [true, false], \"text\": [\"z\u00fcrich\", \"\"], \"h\": [[1.5, -0.25], [65504, 0.1]], "
        + "\"img\": [[[1, 2], [3, 4]], [[10, 20], [30, 40]]]}}";
    Answer answer = http.post("/v1/models/t:predict", columns);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"outputs\":{\"sum\":[[1.0,2.0,-7.0,4.0],[7.5,0.25,0.0,-1.0]],"
        + "\"argmax\":[3,0],\"not_flag\":[false,true],\"text_out\":[\"z\u00fcrich\",\"\"],"
        + "\"half_doubled\":[[3.0,-0.5],[131008.0,0.19995117]],\"img_sum\":[10.0,100.0]}}");
  }

  @Test
  void tfServingsMisfitsAre400AndItsExamplesFormatsNameTheFormatThatServesTheModel() {
    assertV1BadRequest("{\"instances\": [[1, 2, 3, 4]]}", "instance 0 must be an object naming the model's inputs "
        + "[a, b, flag, text, h, img], as the model has several");
    assertV1BadRequest("{\"instances\": " + INSTANCES.replace("\"flag\": true, ", "") + "}",
        "instance 0 is missing input 'flag'");
    assertV1BadRequest("{\"instances\": " + INSTANCES.replace("\"b\": [0, 0, -10, 0]", "\"b\": [0, 0, \"x\", 0]")
        + "}", "input 'b' element 2 must be an integer (int64) but got \"x\"");
    assertV1BadRequest("{\"instances\": " + INSTANCES.replace("[1, 2, 3, 4]", "[1, 2, 3]") + "}",
        "input 'a' is not a list of one shape");
    assertV1BadRequest("{\"instances\": " + INSTANCES.replace("\"flag\": true", "\"flg\": true, \"flag\": true")
        + "}", "instance 0 has unknown input 'flg'; the model takes [a, b, flag, text, h, img]");
    Answer classify = http.post("/v1/models/t:classify", "{\"examples\": [{\"a\": 1}]}");
    assertThat(classify.status()).isEqualTo(400);
    assertThat(classify.error()).isEqualTo("model 't' version 1 is served as the tensors its graph declares, not as "
        + "rows of features; call it through the Open Inference Protocol, POST /v2/models/t/infer (or gRPC "
        + "ModelInfer), whose GET /v2/models/t lists the tensors");
    assertThat(http.get("/v1/models/t").body()).contains("\"state\":\"AVAILABLE\"");
  }

  @Test
  void tfServingsMetadataDescribesEveryTensorOfTheGraph() {
    JsonNode signature = http.get("/v1/models/t/metadata").json().get("metadata").get("signature_def")
        .get("signature_def").get("serving_default");
    assertThat(signature.get("inputs").get("h").toString()).isEqualTo("{\"dtype\":\"DT_HALF\",\"tensor_shape\":"
        + "{\"dim\":[{\"size\":\"-1\",\"name\":\"\"},{\"size\":\"2\",\"name\":\"\"}],\"unknown_rank\":false},"
        + "\"name\":\"h\"}");
    assertThat(signature.get("outputs").fieldNames()).toIterable()
        .containsExactly("sum", "argmax", "not_flag", "text_out", "half_doubled", "img_sum");
  }

  private static void assertV1BadRequest(String body, String error) {
    Answer answer = http.post("/v1/models/t:predict", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error()).startsWith(error);
  }

  private static void assertBadRequest(String inputs, String error) {
    Answer answer = http.post("/v2/models/t/infer", "{\"inputs\": " + inputs + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.error()).startsWith(error);
  }

  private static InferInputTensor.Builder input(String name, String datatype, long... shape) {
    InferInputTensor.Builder input = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
    for (long dim : shape) {
      input.addShape(dim);
    }
    return input;
  }

  private static ByteString floats(float... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      raw.putFloat(v);
    }
    return ByteString.copyFrom(raw.flip());
  }
}
