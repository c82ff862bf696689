package io.prodline.serving.management;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management API over a real socket: the token, then each action and what it does to serving. */
class ManagementApiTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";
  private static final String V2_INPUTS =
      "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP64\", \"shape\": [1], \"data\": [1]}]}";

  @TempDir
  Path root;
  ModelServer server;
  HttpTestClient rest;
  HttpTestClient management;

  @BeforeEach
  void start() {
    for (long v = 1; v <= 3; v++) {
      TestBundles.write(root, "m", v, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
          Long.toString(v));
    }
    startServer();
  }

  private void startServer() {
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withManagement(ManagementOptions.on(0, TOKEN))).start(0);
    rest = new HttpTestClient(server.actualPort());
    management = new HttpTestClient(server.managementPort());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Answer call(String method, String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(management.uri(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return management.send(request);
  }

  private Answer call(String method, String path) {
    return call(method, path, null, TOKEN);
  }

  private long predictedVersion(String path) {
    return (long) rest.post(path, "{\"instances\": [[1]]}").json().get("predictions").get(0).asDouble();
  }

  @Test
  void everyRequestNeedsTheToken() {
    Answer none = call("GET", "/models", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.error()).contains("Authorization: Bearer");
    assertThat(call("GET", "/models", null, "wrong-token-wrong-token").status()).isEqualTo(401);
    assertThat(call("GET", "/no/such/path", null, "wrong").status()).isEqualTo(401);
    assertThat(call("POST", "/models/m:rollback", null, TOKEN.substring(1)).status()).isEqualTo(401);
    assertThat(call("GET", "/models").status()).isEqualTo(200);
  }

  @Test
  void listsModelsWithVersionStates() {
    JsonNode m = call("GET", "/models").json().get("models").get(0);
    assertThat(m.get("name").asText()).isEqualTo("m");
    assertThat(m.get("serving_version").asLong()).isEqualTo(3);
    assertThat(m.get("versions").toString()).isEqualTo("[{\"version\":3,\"state\":\"AVAILABLE\"}]");
    assertThat(call("GET", "/models/nope").status()).isEqualTo(404);
    assertThat(call("DELETE", "/models").status()).isEqualTo(405);
    Answer elsewhere = call("GET", "/elsewhere");
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.error()).startsWith("no management endpoint at /elsewhere; there are GET /models, ")
        .contains("POST /v2/repository/models/<m>/unload").endsWith(", GET /metrics, GET /monitoring/prometheus/metrics");
  }

  @Test
  void rollbackPinsThePreviousVersionUntilCleared() {
    JsonNode rolledBack = call("POST", "/models/m:rollback").json();
    assertThat(rolledBack.get("pinned_version").asLong()).isEqualTo(2);
    assertThat(rolledBack.get("serving_version").asLong()).isEqualTo(2);
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(2);
    assertThat(rest.get("/v2/models/m/config").json().get("version_policy").toString())
        .isEqualTo("{\"specific\":{\"versions\":[2]}}");
    assertThat(rest.post("/v1/models/m/versions/3:predict", "{\"instances\": [[1]]}").error())
        .isEqualTo("version 3 of model 'm' exists but is not loaded: a rollback pinned the model to version 2");
    assertThat(call("POST", "/models/m:rollback").json().get("serving_version").asLong()).isEqualTo(1);

    Answer nothingOlder = call("POST", "/models/m:rollback");
    assertThat(nothingOlder.status()).isEqualTo(409);
    assertThat(nothingOlder.error()).isEqualTo("model 'm' has no version older than 1 on disk to roll back to");

    JsonNode cleared = call("DELETE", "/models/m/pin").json();
    assertThat(cleared.has("pinned_version")).isFalse();
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(3);
    assertThat(rest.get("/v2/models/m/config").json().get("version_policy").toString())
        .isEqualTo("{\"latest\":{\"num_versions\":1}}");
  }

  @Test
  void rollbackMovesUnversionedRequestsWhileALabelKeepsTheNewerVersion() {
    call("PUT", "/models/m/labels/canary", "{\"version\": 3}", TOKEN);

    JsonNode rolledBack = call("POST", "/models/m:rollback").json();
    assertThat(rolledBack.get("pinned_version").asLong()).isEqualTo(2);
    assertThat(rolledBack.get("serving_version").asLong()).isEqualTo(2);
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(2);
    assertThat(rest.post("/v2/models/m/infer", V2_INPUTS).json().get("model_version").asText()).isEqualTo("2");
    assertThat(predictedVersion("/v1/models/m/labels/canary:predict")).isEqualTo(3);
    assertThat(predictedVersion("/v1/models/m/versions/3:predict")).isEqualTo(3);

    JsonNode cleared = call("DELETE", "/models/m/pin").json();
    assertThat(cleared.get("serving_version").asLong()).isEqualTo(3);
    assertThat(rest.post("/v2/models/m/infer", V2_INPUTS).json().get("model_version").asText()).isEqualTo("3");
  }

  @Test
  void unloadKeepsAVersionOutUntilReload() {
    Answer unloaded = call("POST", "/models/m/versions/3:unload");
    assertThat(unloaded.status()).isEqualTo(200);
    // An unloaded version counts as absent: "latest 1" now picks version 2.
    assertThat(unloaded.json().get("versions").toString()).isEqualTo(
        "[{\"version\":3,\"state\":\"END\"},{\"version\":2,\"state\":\"AVAILABLE\"}]");
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(2);
    call("POST", "/models/m/versions/2:unload");
    call("POST", "/models/m/versions/1:unload");
    JsonNode none = call("GET", "/models/m").json();
    assertThat(none.has("serving_version")).isFalse();
    assertThat(none.get("versions").findValuesAsText("state")).containsExactly("END", "END", "END");
    // A model unloaded on purpose is not waiting for anything: the server stays ready.
    assertThat(rest.get("/readyz").status()).isEqualTo(200);

    assertThat(call("POST", "/models/m:reload").json().get("serving_version").asLong()).isEqualTo(3);
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(3);
  }

  @Test
  void tritonsRepositoryExtensionIndexesUnloadsAndLoads() {
    TestBundles.writeGarbage(root, "broken", 1);
    call("POST", "/models/m:reload");
    Answer index = call("POST", "/v2/repository/index", "{}", TOKEN);
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).startsWith("[{\"name\":\"broken\",\"version\":\"1\",\"state\":\"UNAVAILABLE\","
        + "\"reason\":").endsWith("},{\"name\":\"m\",\"version\":\"3\",\"state\":\"READY\"}]");
    assertThat(call("POST", "/v2/repository/index", "{\"ready\": true}", TOKEN).body())
        .isEqualTo("[{\"name\":\"m\",\"version\":\"3\",\"state\":\"READY\"}]");

    Answer unloaded = call("POST", "/v2/repository/models/m/unload", "{\"parameters\": {\"unload_dependents\": false}}",
        TOKEN);
    assertThat(unloaded.status()).isEqualTo(200);
    assertThat(unloaded.body()).isEqualTo("{}");
    assertThat(rest.post("/v1/models/m:predict", "{\"instances\": [[1]]}").status()).isNotEqualTo(200);
    assertThat(call("POST", "/v2/repository/index", "{\"ready\": true}", TOKEN).body()).isEqualTo("[]");
    assertThat(call("POST", "/v2/repository/index").body()).contains(
        "{\"name\":\"m\",\"version\":\"3\",\"state\":\"UNAVAILABLE\",\"reason\":\"unloaded\"}");

    Answer loaded = call("POST", "/v2/repository/models/m/load");
    assertThat(loaded.status()).isEqualTo(200);
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(3);

    Answer broken = call("POST", "/v2/repository/models/broken/load");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.error()).startsWith("failed to load 'broken': version 1 is ERROR: ");
    Answer withConfig = call("POST", "/v2/repository/models/m/load", "{\"parameters\": {\"config\": \"{}\"}}",
        TOKEN);
    assertThat(withConfig.status()).isEqualTo(400);
    assertThat(withConfig.error()).isEqualTo("load takes no parameters here: prodline loads what the repository "
        + "directory holds; put the model's "
        + "files there and call load again");
    assertThat(call("POST", "/v2/repository/models/nope/load").status()).isEqualTo(404);
    assertThat(call("GET", "/v2/repository/index").status()).isEqualTo(405);
    assertThat(call("POST", "/v2/repository/index", "{\"ready\": 1}", TOKEN).error())
        .isEqualTo("the body must be {} or {\"ready\": true|false}, got {\"ready\":1}");
    assertThat(call("POST", "/v2/repository/index", "[true]", TOKEN).error())
        .isEqualTo("the body must be {} or {\"ready\": true|false}, got [true]");
    assertThat(call("POST", "/v2/repository/models/m/load", "\"config\"", TOKEN).error())
        .isEqualTo("the body must be {} or {\"parameters\": {...}}, got \"config\"");
  }

  @Test
  void unloadedVersionsAreReportedAsEndAndRequestsForThemSayWhy() {
    call("POST", "/models/m/versions/3:unload");

    assertThat(rest.get("/v1/models/m").body()).isEqualTo("{\"model_version_status\":["
        + "{\"version\":\"3\",\"state\":\"END\",\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}},"
        + "{\"version\":\"2\",\"state\":\"AVAILABLE\",\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}}]}");
    Answer unloaded = rest.post("/v1/models/m/versions/3:predict", "{\"instances\": [[1]]}");
    assertThat(unloaded.status()).isEqualTo(404);
    assertThat(unloaded.error())
        .isEqualTo("version 3 of model 'm' exists but is not loaded: it was unloaded through the management API");
    // Version 1 never served: it is not reported, and a request for it says why it is not loaded.
    String outsidePolicy = "version 1 of model 'm' exists but is not loaded: it is outside the version policy "
        + "(latest 1)";
    Answer status = rest.get("/v1/models/m/versions/1");
    assertThat(status.status()).isEqualTo(404);
    assertThat(status.error()).isEqualTo(outsidePolicy);
    Answer v2 = rest.post("/v2/models/m/versions/1/infer", V2_INPUTS);
    assertThat(v2.status()).isEqualTo(404);
    assertThat(v2.error()).isEqualTo(outsidePolicy);
  }

  @Test
  void unloadingAnUnknownVersionIs404() {
    Answer unknown = call("POST", "/models/m/versions/9:unload");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).isEqualTo("model 'm' has no version 9; its versions are [3]");
  }

  @Test
  void labelsCanBeSetAndMoved() {
    JsonNode labelled = call("PUT", "/models/m/labels/canary", "{\"version\": 1}", TOKEN).json();
    assertThat(labelled.get("labels").toString()).isEqualTo("{\"canary\":1}");
    assertThat(predictedVersion("/v1/models/m/labels/canary:predict")).isEqualTo(1);
    call("PUT", "/models/m/labels/canary", "{\"version\": 2}", TOKEN);
    assertThat(predictedVersion("/v1/models/m/labels/canary:predict")).isEqualTo(2);
    assertThat(call("GET", "/models/m").json().get("versions").toString()).isEqualTo("[{\"version\":3,"
        + "\"state\":\"AVAILABLE\"},{\"version\":2,\"state\":\"AVAILABLE\"},{\"version\":1,\"state\":\"END\"}]");

    assertThat(call("PUT", "/models/m/labels/canary", "{\"version\": 7}", TOKEN).status()).isEqualTo(404);
    Answer badBody = call("PUT", "/models/m/labels/canary", "{\"v\": 1}", TOKEN);
    assertThat(badBody.status()).isEqualTo(400);
    assertThat(badBody.error()).startsWith("the body must be {\"version\": <positive integer>}");
    Answer notJson = call("PUT", "/models/m/labels/canary", "{bad", TOKEN);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.error()).isEqualTo("malformed JSON at line 1, column 2: unexpected 'bad'");
    assertThat(call("PUT", "/models/m/labels/bad%20label", "{\"version\": 1}", TOKEN).status()).isEqualTo(400);
  }

  @Test
  void aLabelSetHereCanBeRemovedButOneFromTheConfigFileIsRefused() throws Exception {
    Files.writeString(root.resolve("models.yaml"), "models:\n  m:\n    labels: {stable: 3}\n");
    server.stop();
    startServer();
    call("PUT", "/models/m/labels/canary", "{\"version\": 1}", TOKEN);

    Answer removed = call("DELETE", "/models/m/labels/canary");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().get("labels").toString()).isEqualTo("{\"stable\":3}");
    // Version 1 was loaded only for the label, so it is unloaded with it.
    assertThat(removed.json().get("versions").toString())
        .isEqualTo("[{\"version\":3,\"state\":\"AVAILABLE\"},{\"version\":1,\"state\":\"END\"}]");
    assertThat(rest.post("/v1/models/m/labels/canary:predict", "{\"instances\": [[1]]}").error())
        .isEqualTo("model 'm' has no label 'canary'; its labels are [stable]");

    Answer again = call("DELETE", "/models/m/labels/canary");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.error()).isEqualTo("model 'm' has no label 'canary'; its labels are [stable]");
    Answer fromFile = call("DELETE", "/models/m/labels/stable");
    assertThat(fromFile.status()).isEqualTo(409);
    assertThat(fromFile.error()).isEqualTo("label 'stable' of model 'm' is set in the model config file; remove it "
        + "there, the file is re-read at every scan");
    Answer unknownModel = call("DELETE", "/models/nope/labels/canary");
    assertThat(unknownModel.status()).isEqualTo(404);
    assertThat(unknownModel.error()).isEqualTo("model 'nope' not found in the repository; it has [m]");
    Answer wrongMethod = call("POST", "/models/m/labels/canary");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.error())
        .isEqualTo("method POST is not allowed on /models/m/labels/canary; use PUT or DELETE");
  }
}
