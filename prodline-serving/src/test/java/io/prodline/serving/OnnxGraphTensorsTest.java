package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.tfserving.proto.DataType;
import io.prodline.serving.grpc.tfserving.proto.GetModelMetadataRequest;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.PredictRequest;
import io.prodline.serving.grpc.tfserving.proto.PredictResponse;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc.PredictionServiceBlockingStub;
import io.prodline.serving.grpc.tfserving.proto.SignatureDef;
import io.prodline.serving.grpc.tfserving.proto.SignatureDefMap;
import io.prodline.serving.grpc.tfserving.proto.TensorProto;
import io.prodline.serving.grpc.tfserving.proto.TensorShapeProto;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ModelMetadataRequest;
import io.prodline.serving.grpc.v2.ModelMetadataResponse;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bare ONNX model (the real {@code mlp.onnx}: graph input {@code features} [N, 30], output {@code score} [N, 1]) over the
 * Open Inference Protocol, addressed by the graph's tensor names as a Triton or KServe client does, over REST
 * (JSON and binary data) and gRPC (contents and raw contents): each answers what the per-column request
 * ({@code features_0 .. features_29}) answers. The same model over TF Serving's REST API is described and addressed
 * by the same tensor, as a TF Serving client of that graph would, over REST and gRPC. Every protocol answers the
 * output in the graph's shape, a column of one value per row, as TF Serving and Triton would.
 */
class OnnxGraphTensorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = Path.of("../prodline-runtime-onnx/src/test/resources/onnx");
  private static final int WIDTH = 30;

  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc().withModels(root ->
      Files.copy(FIXTURES.resolve("mlp.onnx"), Files.createDirectories(root.resolve("mlp/1")).resolve("model.onnx")));
  static HttpTestClient http;
  /** Two rows of the fixture's inputs, as FP32. */
  static float[][] rows;

  @BeforeAll
  static void start() throws Exception {
    JsonNode inputs = JSON.readTree(FIXTURES.resolve("expected.json").toFile()).get("mlp").get("inputs");
    rows = new float[2][WIDTH];
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < WIDTH; c++) {
        rows[r][c] = (float) inputs.get(r).get(c).asDouble();
      }
    }
    http = served.http();
  }


  /**
   * The predictions of the per-column request, answered, as every request that names no output, under the name the
   * metadata gives the graph's output.
   */
  private static String perColumnPredictions() {
    List<String> inputs = new ArrayList<>();
    for (int c = 0; c < WIDTH; c++) {
      inputs.add("{\"name\": \"features_" + c + "\", \"shape\": [2], \"datatype\": \"FP32\", \"data\": ["
          + rows[0][c] + ", " + rows[1][c] + "]}");
    }
    Answer answer = http.post("/v2/models/mlp/infer", "{\"inputs\": [" + String.join(", ", inputs) + "]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode output = answer.json().get("outputs").get(0);
    assertThat(output.get("name").asText()).isEqualTo("score");
    return output.get("data").toString();
  }

  private static String nestedRows() {
    return "[" + Arrays.toString(rows[0]) + ", " + Arrays.toString(rows[1]) + "]";
  }

  private static String tensorRequest(String shape, String datatype, String data, String outputs) {
    return "{\"inputs\": [{\"name\": \"features\", \"shape\": " + shape + ", \"datatype\": \"" + datatype
        + "\", \"data\": " + data + "}]" + outputs + "}";
  }

  @Test
  void metadataShowsTheGraphsTensorsAsTritonWould() {
    Answer answer = http.get("/v2/models/mlp");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"name\":\"mlp\",\"versions\":[\"1\"],\"platform\":\"prodline_onnx\","
        + "\"inputs\":[{\"name\":\"features\",\"datatype\":\"FP32\",\"shape\":[-1,30]}],"
        + "\"outputs\":[{\"name\":\"score\",\"datatype\":\"FP32\",\"shape\":[-1,1]}]}");

    ModelMetadataResponse metadata =
        served.v2().modelMetadata(ModelMetadataRequest.newBuilder().setName("mlp").build());
    assertThat(metadata.getInputsCount()).isEqualTo(1);
    assertThat(metadata.getInputs(0).getName()).isEqualTo("features");
    assertThat(metadata.getInputs(0).getDatatype()).isEqualTo("FP32");
    assertThat(metadata.getInputs(0).getShapeList()).containsExactly(-1L, 30L);
    assertThat(metadata.getOutputs(0).getName()).isEqualTo("score");
    assertThat(metadata.getOutputs(0).getShapeList()).containsExactly(-1L, 1L);
  }

  @Test
  void restJsonTakesTheGraphTensorFlatOrNestedAndAnswersByTheNameAsked() {
    String expected = perColumnPredictions();
    String flat = Arrays.toString(rows[0]).replace("]", ", ") + Arrays.toString(rows[1]).substring(1);

    Answer byDefault = http.post("/v2/models/mlp/infer", tensorRequest("[2, 30]", "FP32", flat, ""));
    assertThat(byDefault.status()).as(byDefault.body()).isEqualTo(200);
    JsonNode output = byDefault.json().get("outputs").get(0);
    assertThat(output.get("name").asText()).isEqualTo("score");
    assertThat(output.get("shape").toString()).isEqualTo("[2,1]");
    assertThat(output.get("data").toString()).isEqualTo(expected);

    Answer score = http.post("/v2/models/mlp/infer", tensorRequest("[2, 30]", "FP32", nestedRows(),
        ", \"outputs\": [{\"name\": \"score\"}]"));
    assertThat(score.status()).as(score.body()).isEqualTo(200);
    output = score.json().get("outputs").get(0);
    assertThat(output.get("name").asText()).isEqualTo("score");
    assertThat(output.get("shape").toString()).isEqualTo("[2,1]");
    assertThat(output.get("data").toString()).isEqualTo(expected);

    Answer fp64 = http.post("/v2/models/mlp/infer", tensorRequest("[2, 30]", "FP64", nestedRows(),
        ", \"outputs\": [{\"name\": \"predictions\"}]"));
    assertThat(fp64.json().get("outputs").get(0).get("name").asText()).isEqualTo("predictions");
    assertThat(fp64.json().get("outputs").get(0).get("data").toString()).isEqualTo(expected);
  }

  @Test
  void restBinaryDataTakesTheGraphTensor() throws Exception {
    String expected = perColumnPredictions();
    ByteBuffer features = ByteBuffer.allocate(2 * WIDTH * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : rows) {
      for (float v : row) {
        features.putFloat(v);
      }
    }
    String header = "{\"inputs\": [{\"name\": \"features\", \"shape\": [2, 30], \"datatype\": \"FP32\", "
        + "\"parameters\": {\"binary_data_size\": " + features.capacity() + "}}], "
        + "\"outputs\": [{\"name\": \"score\"}]}";
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(json);
    body.write(features.array());
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(http.uri("/v2/models/mlp/infer")))
            .header("Inference-Header-Content-Length", Integer.toString(json.length))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode output = JSON.readTree(response.body()).get("outputs").get(0);
    assertThat(output.get("name").asText()).isEqualTo("score");
    assertThat(output.get("data").toString()).isEqualTo(expected);
  }

  @Test
  void grpcTakesTheGraphTensorInContentsAndRawContents() throws Exception {
    float[] expected = floats(JSON.readTree(perColumnPredictions()));
    InferTensorContents.Builder contents = InferTensorContents.newBuilder();
    ByteBuffer raw = ByteBuffer.allocate(2 * WIDTH * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : rows) {
      for (float v : row) {
        contents.addFp32Contents(v);
        raw.putFloat(v);
      }
    }
    ModelInferResponse typed = served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("mlp")
        .addInputs(features(2, WIDTH).setContents(contents))
        .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("score")).build());
    assertThat(typed.getOutputs(0).getName()).isEqualTo("score");
    assertThat(typed.getOutputs(0).getContents().getFp32ContentsList()).containsExactly(box(expected));

    ModelInferResponse rawAnswer = served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("mlp")
        .addInputs(features(2, WIDTH)).addRawInputContents(ByteString.copyFrom(raw.array())).build());
    assertThat(rawAnswer.getOutputs(0).getName()).isEqualTo("score");
    ByteBuffer answer = rawAnswer.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[answer.remaining() / 4];
    answer.asFloatBuffer().get(values);
    assertThat(values).containsExactly(expected);

    assertThatThrownBy(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("mlp")
        .addInputs(features(1, 60)).addRawInputContents(ByteString.copyFrom(raw.array())).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription())
              .isEqualTo("input 'features' has shape [1, 60]; the model takes [N, 30]");
        });
  }

  @Test
  void misfitsOfTheGraphTensorAre400WithTheReason() {
    assertBadRequest(tensorRequest("[1, 29]", "FP32", Arrays.toString(Arrays.copyOf(rows[0], 29)), ""),
        "input 'features' has shape [1, 29]; the model takes [N, 30]");
    assertBadRequest(tensorRequest("[30]", "FP32", Arrays.toString(rows[0]), ""),
        "input 'features' has shape [30]; the model takes [N, 30]");
    assertBadRequest("{\"inputs\": [{\"name\": \"features\", \"shape\": [1, 30], \"datatype\": \"FP32\", \"data\": "
        + Arrays.toString(rows[0]) + "}, {\"name\": \"features_0\", \"shape\": [1], \"datatype\": \"FP32\", "
        + "\"data\": [1]}]}", "input 'features' holds all 30 columns of the model; send it alone, or the "
        + "per-column inputs features_0 .. features_29 one tensor each, not both");
    assertBadRequest(tensorRequest("[1, 30]", "BYTES", Arrays.toString(rows[0]).replaceAll("([-0-9.E]+)", "\"$1\""),
        ""), "input 'features' is BYTES; send an FP, INT or UINT datatype");
    assertBadRequest(tensorRequest("[1, 30]", "FP32", Arrays.toString(rows[0]), ", \"outputs\": [{\"name\": \"y\"}]"),
        "unknown output 'y'; the model's output is 'score' (also named 'predictions')");
    assertBadRequest(tensorRequest("[1, 30]", "FP32", Arrays.toString(rows[0]).replaceFirst("[-0-9.E]+", "NaN"), ""),
        "input 'features' element 0 is NaN");
    assertBadRequest("{\"inputs\": [{\"name\": \"feature\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1]}]}",
        "unknown input 'feature'; the model takes 'features' of shape [N, 30], or [features_0, features_1,");
    String whole = "{\"name\": \"features\", \"shape\": [1, 30], \"datatype\": \"FP32\", \"data\": "
        + Arrays.toString(rows[0]) + "}";
    assertBadRequest("{\"inputs\": [" + whole + ", " + whole + "]}", "input 'features' is given twice");
    assertBadRequest("{\"inputs\": [" + whole + ", {\"name\": \"extra\", \"shape\": [1], \"datatype\": \"FP32\", "
        + "\"data\": [1]}]}", "unknown input 'extra'; the model takes 'features' of shape [N, 30], or [features_0,");
  }

  @Test
  void aGrpcRequestWithNoInputsIsToldOfTheGraphTensorTheMetadataLists() {
    assertThatThrownBy(() -> served.v2().modelInfer(ModelInferRequest.newBuilder().setModelName("mlp").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("the request has no inputs; the model takes "
              + "'features' of shape [N, 30], or [features_0,");
        });
  }

  @Test
  void tfServingMetadataDescribesTheGraphTensor() {
    Answer answer = http.get("/v1/models/mlp/metadata");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode signature = answer.json().get("metadata").get("signature_def").get("signature_def")
        .get("serving_default");
    assertThat(signature.get("inputs").toString()).isEqualTo("{\"features\":{\"dtype\":\"DT_FLOAT\","
        + "\"tensor_shape\":{\"dim\":[{\"size\":\"-1\",\"name\":\"\"},{\"size\":\"30\",\"name\":\"\"}],"
        + "\"unknown_rank\":false},\"name\":\"features\"}}");
    assertThat(signature.get("outputs").fieldNames()).toIterable().containsExactly("score");
  }

  @Test
  void tfServingRequestsTakeTheGraphTensorByNameOrAsTheOnlyInput() {
    // The graph's [N, 1] column: a one-value array per row.
    String expected = perColumnPredictions().replaceAll("([^\\[\\],]+)", "[$1]");
    String positional = "{\"instances\": " + nestedRows() + "}";
    String named = "{\"instances\": [{\"features\": " + Arrays.toString(rows[0]) + "}, {\"features\": "
        + Arrays.toString(rows[1]) + "}]}";
    String columnar = "{\"inputs\": {\"features\": " + nestedRows() + "}}";
    String onlyInput = "{\"inputs\": " + nestedRows() + "}";
    assertThat(v1Answer(positional, "predictions")).isEqualTo(expected);
    assertThat(v1Answer(named, "predictions")).isEqualTo(expected);
    assertThat(v1Answer(columnar, "outputs")).isEqualTo(expected);
    assertThat(v1Answer(onlyInput, "outputs")).isEqualTo(expected);
  }

  @Test
  void tfServingMisfitsOfTheGraphTensorAre400WithTheReason() {
    String row = Arrays.toString(rows[0]);
    String shortRow = Arrays.toString(Arrays.copyOf(rows[0], 29));
    assertV1BadRequest("{\"instances\": [{\"features\": " + shortRow + "}]}",
        "instance 0: tensor 'features' has 29 values but the tensor has 30 per row");
    assertV1BadRequest("{\"inputs\": {\"features\": [" + row + ", " + shortRow + "]}}",
        "\"inputs\": tensor 'features' row 1 has 29 values but the tensor has 30 per row");
    assertV1BadRequest("{\"inputs\": {\"features\": " + row + "}}",
        "\"inputs\": tensor 'features' row 0 must be a list of 30 values, got the number " + rows[0][0]);
    assertV1BadRequest("{\"inputs\": [" + row + ", 5]}",
        "\"inputs\": tensor 'features' row 1 must be a list of 30 values, got the number 5");
    assertV1BadRequest("{\"instances\": [{\"features_0\": 1, \"features\": " + row + "}]}",
        "instance 0 gives both the tensor 'features' and the feature 'features_0'; send the tensor alone or the "
            + "features [features_0, features_1,");
    assertV1BadRequest("{\"inputs\": {\"features\": [" + row + "], \"features_3\": [1]}}",
        "\"inputs\" gives both the tensor 'features' and the feature 'features_3'");
    assertV1BadRequest("{\"instances\": [{\"features\": 1}]}",
        "instance 0: tensor 'features' must be a list of 30 values, got the number 1");
    assertV1BadRequest("{\"instances\": [{\"feature\": " + row + "}]}", "instance 0 has unknown feature 'feature'; "
        + "the model takes [features_0,");
    assertThat(http.post("/v1/models/mlp:predict", "{\"instances\": [{\"feature\": " + row + "}]}").error())
        .endsWith("features_29], or the tensor 'features' of 30 values per row in that order");
  }

  @Test
  void tfServingGrpcTakesTheGraphTensorAndAnswersUnderTheGraphsOutputName() throws Exception {
    float[] expected = floats(JSON.readTree(perColumnPredictions()));
    TensorProto.Builder features = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(2))
            .addDim(TensorShapeProto.Dim.newBuilder().setSize(WIDTH)));
    for (float[] row : rows) {
      for (float v : row) {
        features.addFloatVal(v);
      }
    }
    PredictionServiceBlockingStub tf = PredictionServiceGrpc.newBlockingStub(served.channel());
    PredictRequest request = PredictRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("mlp"))
        .putInputs("features", features.build()).build();

    PredictResponse byDefault = tf.predict(request);
    assertThat(byDefault.getOutputsMap()).containsOnlyKeys("score");
    assertThat(byDefault.getOutputsOrThrow("score").getTensorShape().getDimList())
        .extracting(TensorShapeProto.Dim::getSize).containsExactly(2L, 1L);
    assertThat(byDefault.getOutputsOrThrow("score").getFloatValList()).containsExactly(box(expected));
    PredictResponse asPredictions = tf.predict(request.toBuilder().addOutputFilter("predictions").build());
    assertThat(asPredictions.getOutputsOrThrow("predictions").getFloatValList()).containsExactly(box(expected));

    SignatureDef signature = tf.getModelMetadata(GetModelMetadataRequest.newBuilder()
            .setModelSpec(ModelSpec.newBuilder().setName("mlp")).addMetadataField("signature_def").build())
        .getMetadataOrThrow("signature_def").unpack(SignatureDefMap.class).getSignatureDefOrThrow("serving_default");
    assertThat(signature.getInputsMap()).containsOnlyKeys("features");
    assertThat(signature.getInputsOrThrow("features").getTensorShape().getDimList())
        .extracting(TensorShapeProto.Dim::getSize).containsExactly(-1L, (long) WIDTH);
    assertThat(signature.getOutputsMap()).containsOnlyKeys("score");
    assertThat(signature.getOutputsOrThrow("score").getTensorShape().getDimList())
        .extracting(TensorShapeProto.Dim::getSize).containsExactly(-1L, 1L);

    assertThatThrownBy(() -> tf.predict(request.toBuilder().putInputs("features", features.clone()
        .setDtype(DataType.DT_STRING).build()).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).isEqualTo("input 'features' is DT_STRING but the model's "
              + "graph tensor is numeric; send DT_FLOAT, DT_DOUBLE or an integer dtype");
        });
  }

  private static String v1Answer(String body, String key) {
    Answer answer = http.post("/v1/models/mlp:predict", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().fieldNames()).toIterable().containsExactly(key);
    return answer.json().get(key).toString();
  }

  private static void assertV1BadRequest(String body, String message) {
    Answer answer = http.post("/v1/models/mlp:predict", body);
    assertThat(answer.status()).as(body).isEqualTo(400);
    assertThat(answer.error()).as(body).startsWith(message);
  }

  private static void assertBadRequest(String body, String message) {
    Answer answer = http.post("/v2/models/mlp/infer", body);
    assertThat(answer.status()).as(body).isEqualTo(400);
    assertThat(answer.error()).as(body).startsWith(message);
  }

  private static InferInputTensor.Builder features(long rows, long columns) {
    return InferInputTensor.newBuilder().setName("features").setDatatype("FP32").addShape(rows).addShape(columns);
  }

  private static float[] floats(JsonNode array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) array.get(i).asDouble();
    }
    return values;
  }

  private static Float[] box(float[] values) {
    Float[] boxed = new Float[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}
