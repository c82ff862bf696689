package io.prodline.serving.batching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batching end to end: many concurrent requests of different sizes, to two models, share model calls, and each
 * still gets exactly the predictions of its own rows, in its own order.
 */
class DynamicBatchingTest {
  @TempDir
  static Path root;
  static ModelServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    TestRepository.create(root);
    // A long delay and a small batch make requests wait for each other, so most batches mix requests.
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withBatching(BatchingConfig.on(16, Duration.ofMillis(20), 1024))).start(0);
    http = new HttpTestClient(server.actualPort());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void concurrentRequestsOfVariousSizesGetExactlyTheirOwnRowsPredictions() throws Exception {
    int threads = 16;
    int requestsPerThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int housesRequests = 0;
    int housesRows = 0;
    try {
      List<Future<int[]>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        done.add(pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          int[] housesSent = {0, 0};
          for (int i = 0; i < requestsPerThread; i++) {
            // 1 to 20 rows: some requests exceed the batch size of 16 and run alone.
            int rows = 1 + random.nextInt(20);
            if (random.nextBoolean()) {
              housesSent[0]++;
              housesSent[1] += houses(random, rows);
            } else {
              iris(random, rows);
            }
          }
          return housesSent;
        }));
      }
      for (Future<int[]> f : done) {
        int[] sent = f.get();
        housesRequests += sent[0];
        housesRows += sent[1];
      }
    } finally {
      pool.shutdownNow();
    }
    String metrics = http.get("/metrics").body();
    assertThat(metrics).contains("prodline_batch_size_rows_count{model=\"houses\",version=\"2\"}");

    // Triton's statistics agree: every row answered once, in model calls whose sizes add up to the rows.
    JsonNode stat = http.get("/v2/models/houses/versions/2/stats").json().get("model_stats").get(0);
    assertThat(stat.get("inference_count").asLong()).isEqualTo(housesRows);
    assertThat(stat.get("inference_stats").get("success").get("count").asLong()).isEqualTo(housesRequests);
    long calls = 0;
    long rowsInCalls = 0;
    for (JsonNode batch : stat.get("batch_stats")) {
      calls += batch.get("compute_infer").get("count").asLong();
      rowsInCalls += batch.get("batch_size").asLong() * batch.get("compute_infer").get("count").asLong();
      assertThat(batch.get("batch_size").asLong()).isBetween(1L, 20L);
    }
    assertThat(rowsInCalls).isEqualTo(housesRows);
    assertThat(stat.get("execution_count").asLong()).isEqualTo(calls).isLessThanOrEqualTo(housesRequests);
  }

  private static int houses(SplittableRandom random, int rows) {
    StringBuilder body = new StringBuilder("{\"instances\": [");
    double[] expected = new double[rows];
    for (int r = 0; r < rows; r++) {
      int age = random.nextInt(1000);
      int rooms = random.nextInt(9);
      int city = random.nextInt(3);
      expected[r] = 2.0 * age + 20.0 * rooms + 200.0 * city;
      body.append(r == 0 ? "" : ", ").append("{\"age\": ").append(age).append(", \"rooms\": ").append(rooms)
          .append(", \"city\": \"").append(TestBundles.CITIES.get(city)).append("\"}");
    }
    Answer answer = http.post("/v1/models/houses:predict", body.append("]}").toString());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode predictions = answer.json().get("predictions");
    assertThat(predictions).hasSize(rows);
    for (int r = 0; r < rows; r++) {
      assertThat(predictions.get(r).asDouble()).isEqualTo(expected[r]);
    }
    return rows;
  }

  private static int iris(SplittableRandom random, int rows) {
    StringBuilder body = new StringBuilder("{\"instances\": [");
    int[][] xy = new int[rows][2];
    for (int r = 0; r < rows; r++) {
      xy[r][0] = random.nextInt(100);
      xy[r][1] = random.nextInt(100);
      body.append(r == 0 ? "" : ", ").append("[").append(xy[r][0]).append(", ").append(xy[r][1]).append("]");
    }
    Answer answer = http.post("/v1/models/iris:predict", body.append("]}").toString());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode predictions = answer.json().get("predictions");
    assertThat(predictions).hasSize(rows);
    for (int r = 0; r < rows; r++) {
      JsonNode row = predictions.get(r);
      assertThat(row.get(0).asDouble()).isEqualTo(xy[r][0]);
      assertThat(row.get(1).asDouble()).isEqualTo(xy[r][1]);
      assertThat(row.get(2).asDouble()).isEqualTo((xy[r][0] + xy[r][1]) / 2.0);
    }
    return rows;
  }
}
