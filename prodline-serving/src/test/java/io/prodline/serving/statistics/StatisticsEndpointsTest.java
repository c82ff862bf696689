package io.prodline.serving.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.v2.InferStatistics;
import io.prodline.serving.grpc.v2.ModelStatistics;
import io.prodline.serving.grpc.v2.ModelStatisticsRequest;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Triton's statistics extension end to end, over REST ({@code GET /v2/models[/<m>[/versions/<v>]]/stats}) and gRPC
 * ({@code ModelStatistics}), read by the names of Triton's JSON schema and messages. Each test sends its requests to
 * a model no other test uses, on the {@link TestRepository} models.
 */
class StatisticsEndpointsTest {
  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc();

  private static JsonNode restStats(String path) {
    Answer answer = served.http().get(path);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("model_stats");
  }

  @Test
  void countsRowsModelCallsAndFailuresAndSplitsTheTimeOfEachRequest() {
    long before = System.currentTimeMillis();
    assertThat(served.http().post("/v1/models/iris:predict", "{\"instances\": [[1, 0]]}").status()).isEqualTo(200);
    assertThat(served.http().post("/v1/models/iris:predict", "{\"instances\": [[1, 0], [0, 1], [0.5, 0.5]]}")
        .status()).isEqualTo(200);
    assertThat(served.http().post("/v2/models/iris/infer", "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\","
        + " \"shape\": [1], \"data\": [1]}, {\"name\": \"y\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [2]}]}")
        .status()).isEqualTo(200);
    assertThat(served.http().post("/v1/models/iris:predict", "{\"instances\": [[1]]}").status()).isEqualTo(400);
    long after = System.currentTimeMillis();

    JsonNode stat = restStats("/v2/models/iris/stats").get(0);
    assertThat(stat.get("name").asText()).isEqualTo("iris");
    assertThat(stat.get("version").asText()).isEqualTo("1");
    assertThat(stat.get("last_inference").asLong()).isBetween(before, after);
    assertThat(stat.get("inference_count").asLong()).isEqualTo(5);
    // No batching: one model call per successful request.
    assertThat(stat.get("execution_count").asLong()).isEqualTo(3);
    JsonNode inference = stat.get("inference_stats");
    assertThat(inference.get("success").get("count").asLong()).isEqualTo(3);
    assertThat(inference.get("fail").get("count").asLong()).isEqualTo(1);
    assertThat(inference.get("fail").get("ns").asLong()).isPositive();
    long parts = 0;
    for (String part : List.of("queue", "compute_input", "compute_infer", "compute_output")) {
      assertThat(inference.get(part).get("count").asLong()).as(part).isEqualTo(3);
      assertThat(inference.get(part).get("ns").asLong()).as(part).isNotNegative();
      parts += inference.get(part).get("ns").asLong();
    }
    assertThat(inference.get("compute_infer").get("ns").asLong()).isPositive();
    assertThat(parts).isEqualTo(inference.get("success").get("ns").asLong());
    assertThat(inference.get("cache_hit").get("count").asLong()).isZero();
    assertThat(inference.get("cache_miss").get("count").asLong()).isZero();

    List<long[]> batches = new ArrayList<>();
    stat.get("batch_stats").forEach(b -> batches.add(new long[] {b.get("batch_size").asLong(),
        b.get("compute_infer").get("count").asLong()}));
    assertThat(batches).containsExactly(new long[] {1, 2}, new long[] {3, 1});

    // gRPC reports the same figures.
    ModelStatistics grpc = served.v2().modelStatistics(ModelStatisticsRequest.newBuilder().setName("iris").build())
        .getModelStats(0);
    assertThat(grpc.getName()).isEqualTo("iris");
    assertThat(grpc.getVersion()).isEqualTo("1");
    assertThat(grpc.getLastInference()).isEqualTo(stat.get("last_inference").asLong());
    assertThat(grpc.getInferenceCount()).isEqualTo(5);
    assertThat(grpc.getExecutionCount()).isEqualTo(3);
    InferStatistics grpcInference = grpc.getInferenceStats();
    assertThat(grpcInference.getSuccess().getNs()).isEqualTo(inference.get("success").get("ns").asLong());
    assertThat(grpcInference.getFail().getCount()).isEqualTo(1);
    assertThat(grpcInference.getComputeInfer().getNs()).isEqualTo(inference.get("compute_infer").get("ns").asLong());
    assertThat(grpc.getBatchStatsList()).extracting(b -> b.getBatchSize(), b -> b.getComputeInfer().getCount())
        .containsExactly(tuple(1L, 2L), tuple(3L, 1L));
  }

  @Test
  void reportsEveryAvailableVersionOfEveryModelOrOneModelOrOneVersion() {
    List<String> all = new ArrayList<>();
    restStats("/v2/models/stats").forEach(s -> all.add(s.get("name").asText() + "/" + s.get("version").asText()));
    // Version 3 of houses failed to load: it has no statistics.
    assertThat(all).containsExactly("churn/1", "exploding/1", "houses/1", "houses/2", "iris/1", "slow/1");
    assertThat(served.v2().modelStatistics(ModelStatisticsRequest.getDefaultInstance()).getModelStatsList())
        .extracting(s -> s.getName() + "/" + s.getVersion()).isEqualTo(all);

    assertThat(restStats("/v2/models/houses/stats")).extracting(s -> s.get("version").asText())
        .containsExactly("1", "2");
    assertThat(restStats("/v2/models/houses/versions/1/stats")).extracting(s -> s.get("version").asText())
        .containsExactly("1");
    assertThat(served.v2()
        .modelStatistics(ModelStatisticsRequest.newBuilder().setName("houses").setVersion("2").build())
        .getModelStatsList()).extracting(ModelStatistics::getVersion).containsExactly("2");
  }

  @Test
  void aFailedRequestCountsOnTheVersionThatTookIt() {
    assertThat(served.http().post("/v1/models/exploding:predict", "{\"instances\": [[1]]}").status()).isEqualTo(500);
    JsonNode inference = restStats("/v2/models/exploding/stats").get(0).get("inference_stats");
    assertThat(inference.get("fail").get("count").asLong()).isEqualTo(1);
    assertThat(inference.get("success").get("count").asLong()).isZero();
  }

  @Test
  void unknownModelsAndVersionsAreNotFoundAndAVersionNeedsItsModel() {
    Answer unknown = served.http().get("/v2/models/nope/stats");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).contains("model 'nope' not found");
    Answer broken = served.http().get("/v2/models/houses/versions/3/stats");
    assertThat(broken.status()).isEqualTo(404);
    assertThat(broken.error()).contains("version 3 of model 'houses' is not available");
    assertThat(served.http().post("/v2/models/houses/stats", "{}").status()).isEqualTo(405);

    assertThatThrownBy(() -> served.v2().modelStatistics(ModelStatisticsRequest.newBuilder().setName("nope").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> served.v2().modelStatistics(ModelStatisticsRequest.newBuilder().setVersion("1").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("need the model's name too");
        });
  }
}
