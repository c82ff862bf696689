package io.prodline.serving.grpc.tfserving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.tfserving.proto.BytesList;
import io.prodline.serving.grpc.tfserving.proto.Class;
import io.prodline.serving.grpc.tfserving.proto.ClassificationRequest;
import io.prodline.serving.grpc.tfserving.proto.ClassificationResponse;
import io.prodline.serving.grpc.tfserving.proto.Classifications;
import io.prodline.serving.grpc.tfserving.proto.Example;
import io.prodline.serving.grpc.tfserving.proto.ExampleList;
import io.prodline.serving.grpc.tfserving.proto.ExampleListWithContext;
import io.prodline.serving.grpc.tfserving.proto.Feature;
import io.prodline.serving.grpc.tfserving.proto.Features;
import io.prodline.serving.grpc.tfserving.proto.FloatList;
import io.prodline.serving.grpc.tfserving.proto.InferenceTask;
import io.prodline.serving.grpc.tfserving.proto.Input;
import io.prodline.serving.grpc.tfserving.proto.Int64List;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.MultiInferenceRequest;
import io.prodline.serving.grpc.tfserving.proto.MultiInferenceResponse;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc.PredictionServiceBlockingStub;
import io.prodline.serving.grpc.tfserving.proto.Regression;
import io.prodline.serving.grpc.tfserving.proto.RegressionRequest;
import io.prodline.serving.grpc.tfserving.proto.RegressionResponse;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TF Serving's {@code Classify} and {@code Regress} end to end, with stubs generated from the same protos a TF
 * Serving client is generated from, against the models of {@link TestRepository}: {@code iris} answers x, y and
 * (x + y) / 2; {@code churn} (bool active, float64 score) 0.5·active + 0.25·score as the probability of "leave";
 * {@code houses} version 1 (label {@code stable}) 1·age + 10·rooms + 100·(city's place in a, b, c: 0, 1, 2); a
 * missing value adds nothing.
 */
class TfServingExamplesGrpcTest {
  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc();
  static PredictionServiceBlockingStub stub;

  @BeforeAll
  static void connect() {
    stub = PredictionServiceGrpc.newBlockingStub(served.channel());
  }


  private static Feature floats(float... values) {
    FloatList.Builder list = FloatList.newBuilder();
    for (float value : values) {
      list.addValue(value);
    }
    return Feature.newBuilder().setFloatList(list).build();
  }

  private static Feature ints(long... values) {
    Int64List.Builder list = Int64List.newBuilder();
    for (long value : values) {
      list.addValue(value);
    }
    return Feature.newBuilder().setInt64List(list).build();
  }

  private static Feature text(String value) {
    return bytes(ByteString.copyFromUtf8(value));
  }

  private static Feature bytes(ByteString value) {
    return Feature.newBuilder().setBytesList(BytesList.newBuilder().addValue(value)).build();
  }

  /** An example of alternating names and features. */
  private static Example example(Object... namesAndFeatures) {
    Features.Builder features = Features.newBuilder();
    for (int i = 0; i < namesAndFeatures.length; i += 2) {
      features.putFeature((String) namesAndFeatures[i], (Feature) namesAndFeatures[i + 1]);
    }
    return Example.newBuilder().setFeatures(features).build();
  }

  private static Input list(Example... examples) {
    return Input.newBuilder().setExampleList(ExampleList.newBuilder().addAllExamples(List.of(examples))).build();
  }

  private static ModelSpec.Builder spec(String model) {
    return ModelSpec.newBuilder().setName(model);
  }

  private static ClassificationResponse classify(String model, Input input) {
    return stub.classify(ClassificationRequest.newBuilder().setModelSpec(spec(model)).setInput(input).build());
  }

  private static RegressionResponse regress(ModelSpec.Builder spec, Input input) {
    return stub.regress(RegressionRequest.newBuilder().setModelSpec(spec).setInput(input).build());
  }

  private static Classifications classes(String... labelsAndScores) {
    Classifications.Builder classes = Classifications.newBuilder();
    for (int i = 0; i < labelsAndScores.length; i += 2) {
      classes.addClasses(Class.newBuilder().setLabel(labelsAndScores[i])
          .setScore(Float.parseFloat(labelsAndScores[i + 1])));
    }
    return classes.build();
  }

  /** House 1: 1 year, 2 rooms, city c; house 2: 0 years, 0 rooms, city a. */
  private static final Input HOUSES = list(
      example("age", floats(1), "rooms", ints(2), "city", text("c")),
      example("age", floats(0), "rooms", ints(0), "city", text("a")));

  @Test
  void classifyAnswersEveryClassWithItsScoreAndEchoesTheVersion() {
    ClassificationResponse response = classify("iris", list(
        example("x", floats(0.2f), "y", floats(0.6f)), example("x", floats(1), "y", floats(0))));

    assertThat(response.getModelSpec()).isEqualTo(spec("iris").setVersion(Int64Value.of(1))
        .setSignatureName("serving_default").build());
    assertThat(response.getResult().getClassificationsList()).containsExactly(
        classes("setosa", "0.2", "versicolor", "0.6", "virginica", "0.4"),
        classes("setosa", "1", "versicolor", "0", "virginica", "0.5"));
  }

  @Test
  void contextFeaturesApplyToEveryExampleAndBinaryModelsScoreBothClasses() {
    Input input = Input.newBuilder().setExampleListWithContext(ExampleListWithContext.newBuilder()
        .setContext(example("active", ints(1)))
        .addExamples(example("score", floats(1)))
        .addExamples(example("score", floats(0)))).build();

    assertThat(classify("churn", input).getResult().getClassificationsList()).containsExactly(
        classes("stay", "0.25", "leave", "0.75"), classes("stay", "0.5", "leave", "0.5"));
  }

  @Test
  void regressAnswersOneValuePerExample() {
    RegressionResponse response = regress(spec("houses").setVersionLabel("stable"), HOUSES);

    assertThat(response.getModelSpec()).isEqualTo(spec("houses").setVersion(Int64Value.of(1))
        .setSignatureName("serving_default").build());
    assertThat(response.getResult().getRegressionsList()).extracting(Regression::getValue)
        .containsExactly(221f, 0f);
  }

  @Test
  void aFeatureWithNoListIsAMissingValue() {
    Input input = list(example("age", Feature.getDefaultInstance(), "rooms", ints(2), "city", text("c")));

    assertThat(regress(spec("houses").setVersion(Int64Value.of(1)), input).getResult().getRegressions(0).getValue())
        .isEqualTo(220f);
  }

  @Test
  void answersAreThoseOfRestForTheSameRows() {
    HttpTestClient http = served.http();
    JsonNode rest = http.post("/v1/models/iris:classify",
        "{\"examples\": [{\"x\": 0.1, \"y\": 0.7}, {\"x\": 0.3, \"y\": 1}]}").json().get("results");
    List<Classifications> grpc = classify("iris", list(example("x", floats(0.1f), "y", floats(0.7f)),
        example("x", floats(0.3f), "y", floats(1)))).getResult().getClassificationsList();
    List<Classifications> fromRest = new ArrayList<>();
    for (JsonNode row : rest) {
      Classifications.Builder classes = Classifications.newBuilder();
      for (JsonNode labelAndScore : row) {
        classes.addClasses(Class.newBuilder().setLabel(labelAndScore.get(0).asText())
            .setScore((float) labelAndScore.get(1).asDouble()));
      }
      fromRest.add(classes.build());
    }
    assertThat(grpc).isEqualTo(fromRest);

    JsonNode values = http.post("/v1/models/houses:regress", "{\"examples\": [{\"age\": 1.1, \"rooms\": 2, "
        + "\"city\": \"b\"}, {\"age\": 0.3, \"rooms\": 0, \"city\": \"a\"}]}").json().get("results");
    List<Float> regressed = regress(spec("houses"), list(
        example("age", floats(1.1f), "rooms", ints(2), "city", text("b")),
        example("age", floats(0.3f), "rooms", ints(0), "city", text("a"))))
        .getResult().getRegressionsList().stream().map(Regression::getValue).toList();
    assertThat(regressed).containsExactly((float) values.get(0).asDouble(), (float) values.get(1).asDouble());
  }

  @Test
  void aModelOfTheOtherTaskIsInvalidSayingWhatToCall() {
    assertStatus(() -> classify("houses", HOUSES), "model 'houses' version 2 is a regression model; Classify needs "
        + "a classification model, use Regress or Predict");
    assertStatus(() -> regress(spec("iris"), list(example("x", floats(1), "y", floats(2)))),
        "model 'iris' version 1 is a multiclass_classification model; Regress needs a regression model, use "
            + "Classify or Predict");
  }

  @Test
  void featuresTheModelDoesNotTakeAreReadPastAndAnExampleWinsOverItsContextAsInTfServing() {
    RegressionResponse plain = regress(spec("houses"), list(example("age", floats(1), "rooms", ints(2),
        "city", text("c"))));
    RegressionResponse labelled = regress(spec("houses"), list(example("age", floats(1), "rooms", ints(2),
        "city", text("c"), "floors", ints(1), "price", floats(250_000))));
    assertThat(labelled.getResult()).isEqualTo(plain.getResult());
    ClassificationResponse own = classify("churn", list(example("active", ints(0), "score", floats(1))));
    ClassificationResponse overContext = classify("churn", Input.newBuilder().setExampleListWithContext(
        ExampleListWithContext.newBuilder().setContext(example("active", ints(1))).addExamples(example("active",
            ints(0), "score", floats(1)))).build());
    assertThat(overContext.getResult()).isEqualTo(own.getResult());
    assertThat(classify("churn", list(example("active", ints(1), "score", floats(1)))).getResult())
        .as("the context's value would answer otherwise").isNotEqualTo(own.getResult());
  }

  @Test
  void featuresThatDoNotFitTheModelAreInvalidWithTheReason() {
    assertStatus(() -> regress(spec("houses"), list(example("age", floats(1), "rooms", text("two"),
        "city", text("c")))), "example 0: feature 'rooms' must be an integer (int64) but got the string \"two\"");
    assertStatus(() -> regress(spec("houses"), list(example("age", floats(1, 2), "rooms", ints(2),
        "city", text("c")))), "example 0: feature 'age' has 2 values; a feature takes one value per example, given "
        + "alone or as a list of one");
    assertStatus(() -> regress(spec("houses"), list(example("age", floats(1), "rooms", ints(2)))),
        "example 0 is missing feature 'city'; send a Feature with no kind set for a missing value");
    assertStatus(() -> regress(spec("houses"), list(example("age", floats(Float.NaN), "rooms", ints(2),
        "city", text("c")))), "example 0: feature 'age' is NaN, which this server does not accept; send a Feature "
        + "with no kind set for a missing value");
    assertStatus(() -> regress(spec("houses"), list(example("age", floats(1), "rooms", ints(2),
        "city", bytes(ByteString.copyFrom(new byte[] {(byte) 0xC0, (byte) 0x80}))))),
        "example 0: feature 'city' is not UTF-8 text: byte 0 (0xC0)");
    assertStatus(() -> classify("churn", list(example("active", ints(2), "score", floats(1)))),
        "example 0: feature 'active' must be true or false (bool) but got the number 2");
    assertStatus(() -> classify("churn", Input.getDefaultInstance()), "input is empty; send the examples in "
        + "input.example_list, or in input.example_list_with_context with the features they share");
    assertStatus(() -> classify("churn", list()), "input.example_list has no examples; send at least one "
        + "tf.Example");
  }

  @Test
  void multiInferenceRunsItsTaskAsClassifyOrRegressWould() {
    Input irises = list(example("x", floats(0.2f), "y", floats(0.6f)), example("x", floats(1), "y", floats(0)));
    MultiInferenceResponse classified = multiInference(irises, task("iris", "tensorflow/serving/classify"));
    ClassificationResponse alone = classify("iris", irises);
    assertThat(classified.getResultsCount()).isEqualTo(1);
    assertThat(classified.getResults(0).getModelSpec()).isEqualTo(alone.getModelSpec());
    assertThat(classified.getResults(0).getClassificationResult()).isEqualTo(alone.getResult());

    MultiInferenceResponse regressed = multiInference(HOUSES,
        task("houses", "tensorflow/serving/regress").setModelSpec(spec("houses").setVersionLabel("stable")));
    assertThat(regressed.getResults(0).getModelSpec().getVersion().getValue()).isEqualTo(1);
    assertThat(regressed.getResults(0).getRegressionResult())
        .isEqualTo(regress(spec("houses").setVersionLabel("stable"), HOUSES).getResult());
  }

  @Test
  void multiInferenceTasksOutsideTfServingsRulesAreInvalid() {
    assertStatus(() -> multiInference(HOUSES), "MultiInferenceRequest must specify at least one task");
    assertStatus(() -> multiInference(HOUSES, task("houses", "tensorflow/serving/regress"),
        task("iris", "tensorflow/serving/classify")),
        "All ModelSpecs in a MultiInferenceRequest must access the same model name");
    assertStatus(() -> multiInference(HOUSES, task("houses", "tensorflow/serving/regress"),
        task("houses", "tensorflow/serving/regress")), "Duplicate evaluation of signature: serving_default; a "
        + "prodline model has that one signature, so a MultiInferenceRequest holds one task");
    assertStatus(() -> multiInference(HOUSES, task("houses", "tensorflow/serving/predict")),
        "Unsupported signature method_name: tensorflow/serving/predict; use tensorflow/serving/classify or "
            + "tensorflow/serving/regress");
    assertStatus(() -> multiInference(HOUSES, task("houses", "tensorflow/serving/classify")),
        "model 'houses' version 2 is a regression model; MultiInference's method tensorflow/serving/classify needs "
            + "a classification model, use Regress or Predict");
    assertStatus(() -> multiInference(HOUSES, task("", "tensorflow/serving/regress")),
        "model_spec.name is empty");
  }

  private static InferenceTask.Builder task(String model, String method) {
    return InferenceTask.newBuilder().setModelSpec(spec(model)).setMethodName(method);
  }

  private static MultiInferenceResponse multiInference(Input input, InferenceTask.Builder... tasks) {
    MultiInferenceRequest.Builder request = MultiInferenceRequest.newBuilder().setInput(input);
    for (InferenceTask.Builder task : tasks) {
      request.addTasks(task);
    }
    return stub.multiInference(request.build());
  }

  @Test
  void examplesAreCountedUnderTheTfServingProtocol() {
    regress(spec("houses"), HOUSES);
    assertThat(served.http().get("/metrics").body())
        .contains("protocol=\"grpc_tfserving\"");
  }

  private static void assertStatus(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).contains(message);
    });
  }
}
