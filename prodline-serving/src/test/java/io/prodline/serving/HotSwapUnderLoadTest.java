package io.prodline.serving;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.repository.RepositoryOptions;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of availability-preserving swaps: 8 clients predict without pause for about 5 seconds while new
 * versions are written into the repository (atomically, by BundleWriter) and old ones deleted, over and over.
 * Every request must succeed, and every answer must come from a version that was written and became available.
 *
 * <p>Version {@code v} predicts {@code v * x}, so an answer for {@code x = 1} names the version that gave it. Each
 * prediction takes 2 ms, so requests are in flight whenever a version is unloaded; a linear-test runtime that
 * was closed throws, so unloading a version under a request would show up as a failed request.
 */
class HotSwapUnderLoadTest {
  private static final int CLIENTS = 8;
  private static final long LOAD_MILLIS = 5_000;

  @TempDir
  Path root;

  private void writeVersion(long version) {
    TestBundles.write(root, "swap", version, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        "sleep 2\n" + version + "\n");
  }

  @Test
  void repeatedSwapsUnderConcurrentLoadFailNoRequest() throws Exception {
    writeVersion(1);
    ServerConfig config = ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withRepository(RepositoryOptions.oneShot().withPollInterval(Duration.ofMillis(50)));
    Set<Long> becameAvailable = ConcurrentHashMap.newKeySet();
    becameAvailable.add(1L);
    Map<Long, AtomicLong> answersByVersion = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (ModelServer server = new ModelServer(config).start(0)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      long end = System.nanoTime() + LOAD_MILLIS * 1_000_000;
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            Answer answer = http.post("/v1/models/swap:predict", "{\"instances\": [[1]]}");
            if (answer.status() != 200) {
              failures.add(answer.status() + " " + answer.body());
              continue;
            }
            long version = (long) answer.json().get("predictions").get(0).asDouble();
            answersByVersion.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
          }
        }));
      }
      Future<Long> swapper = pool.submit(() -> {
        long version = 1;
        while (System.nanoTime() < end - 500_000_000L) {
          long next = version + 1;
          writeVersion(next);
          await().atMost(Duration.ofSeconds(10))
              .until(() -> server.modelNames().contains("swap") && servedVersion(http) == next);
          becameAvailable.add(next);
          deleteRecursively(root.resolve("swap").resolve(Long.toString(version)));
          version = next;
          Thread.sleep(100);
        }
        return version;
      });
      for (Future<?> client : clients) {
        client.get();
      }
      long lastVersion = swapper.get();
      pool.shutdown();

      assertThat(failures).as("failed requests").isEmpty();
      assertThat(lastVersion).as("versions swapped in").isGreaterThanOrEqualTo(5);
      assertThat(becameAvailable).containsAll(answersByVersion.keySet());
      assertThat(answersByVersion.keySet()).as("versions that answered").hasSizeGreaterThanOrEqualTo(3);
      long answered = answersByVersion.values().stream().mapToLong(AtomicLong::get).sum();
      assertThat(answered).as("answers").isGreaterThan(200);
    }
  }

  /**
   * The same proof for swaps made through the management API: with versions 1 to 3 on disk, 8 clients predict
   * through the default version and through the label {@code stable} while a rollback pins version 2 and the pin
   * is cleared again, and the label moves between versions 3 and 2, over and over. Every request must succeed and
   * be answered by a version the action left serving.
   */
  @Test
  void repeatedManagementSwapsUnderConcurrentLoadFailNoRequest() throws Exception {
    for (long version = 1; version <= 3; version++) {
      writeVersion(version);
    }
    String token = "0123456789abcdef0123456789abcdef";
    ServerConfig config = ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withManagement(ManagementOptions.on(0, token));
    Map<Long, AtomicLong> answersByVersion = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (ModelServer server = new ModelServer(config).start(0)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      HttpTestClient management = new HttpTestClient(server.managementPort());
      Function<HttpRequest.Builder, Answer> manage = request -> {
        Answer answer = management.send(request.header("Authorization", "Bearer " + token));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
      };
      manage.apply(HttpRequest.newBuilder(URI.create(management.uri("/models/swap/labels/stable")))
          .PUT(HttpRequest.BodyPublishers.ofString("{\"version\": 3}")));
      long end = System.nanoTime() + LOAD_MILLIS * 1_000_000;
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String path = c % 2 == 0 ? "/v1/models/swap:predict" : "/v1/models/swap/labels/stable:predict";
        clients.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            Answer answer = http.post(path, "{\"instances\": [[1]]}");
            if (answer.status() != 200) {
              failures.add(path + ": " + answer.status() + " " + answer.body());
              continue;
            }
            long version = (long) answer.json().get("predictions").get(0).asDouble();
            answersByVersion.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
          }
        }));
      }
      int rounds = 0;
      while (System.nanoTime() < end - 500_000_000L) {
        Answer pinned = manage.apply(HttpRequest.newBuilder(URI.create(management.uri("/models/swap:rollback")))
            .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(pinned.json().get("serving_version").asLong()).isEqualTo(2);
        manage.apply(HttpRequest.newBuilder(URI.create(management.uri("/models/swap/labels/stable")))
            .PUT(HttpRequest.BodyPublishers.ofString("{\"version\": 2}")));
        Answer unpinned = manage.apply(HttpRequest.newBuilder(URI.create(management.uri("/models/swap/pin")))
            .DELETE());
        assertThat(unpinned.json().get("serving_version").asLong()).isEqualTo(3);
        manage.apply(HttpRequest.newBuilder(URI.create(management.uri("/models/swap/labels/stable")))
            .PUT(HttpRequest.BodyPublishers.ofString("{\"version\": 3}")));
        rounds++;
      }
      for (Future<?> client : clients) {
        client.get();
      }
      pool.shutdown();

      assertThat(failures).as("failed requests").isEmpty();
      assertThat(rounds).as("rollback rounds").isGreaterThanOrEqualTo(5);
      assertThat(answersByVersion.keySet()).as("versions that answered").containsExactlyInAnyOrder(2L, 3L);
    }
  }

  /** The version the status API reports as the only one not unloaded (END), or 0 while more than one is loaded. */
  private static long servedVersion(HttpTestClient http) {
    List<JsonNode> loaded = new ArrayList<>();
    http.get("/v1/models/swap").json().get("model_version_status").forEach(v -> {
      if (!v.get("state").asText().equals("END")) {
        loaded.add(v);
      }
    });
    return loaded.size() == 1 && loaded.get(0).get("state").asText().equals("AVAILABLE")
        ? loaded.get(0).get("version").asLong() : 0;
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
