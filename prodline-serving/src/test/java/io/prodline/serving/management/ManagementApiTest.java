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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management API over a real socket: the token, then each action and what it does to serving. */
class ManagementApiTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

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
    assertThat(call("GET", "/elsewhere").status()).isEqualTo(404);
  }

  @Test
  void rollbackPinsThePreviousVersionUntilCleared() {
    JsonNode rolledBack = call("POST", "/models/m:rollback").json();
    assertThat(rolledBack.get("pinned_version").asLong()).isEqualTo(2);
    assertThat(rolledBack.get("serving_version").asLong()).isEqualTo(2);
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(2);
    assertThat(call("POST", "/models/m:rollback").json().get("serving_version").asLong()).isEqualTo(1);

    Answer nothingOlder = call("POST", "/models/m:rollback");
    assertThat(nothingOlder.status()).isEqualTo(409);
    assertThat(nothingOlder.error()).isEqualTo("model 'm' has no version older than 1 on disk to roll back to");

    JsonNode cleared = call("DELETE", "/models/m/pin").json();
    assertThat(cleared.has("pinned_version")).isFalse();
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(3);
  }

  @Test
  void unloadKeepsAVersionOutUntilReload() {
    Answer unloaded = call("POST", "/models/m/versions/3:unload");
    assertThat(unloaded.status()).isEqualTo(200);
    // An unloaded version counts as absent: "latest 1" now picks version 2.
    assertThat(unloaded.json().get("versions").toString()).isEqualTo("[{\"version\":2,\"state\":\"AVAILABLE\"}]");
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(2);
    call("POST", "/models/m/versions/2:unload");
    call("POST", "/models/m/versions/1:unload");
    assertThat(call("GET", "/models").json().get("models")).isEmpty();

    assertThat(call("POST", "/models/m:reload").json().get("serving_version").asLong()).isEqualTo(3);
    assertThat(predictedVersion("/v1/models/m:predict")).isEqualTo(3);
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
    assertThat(call("GET", "/models/m").json().get("versions").findValuesAsText("version"))
        .containsExactly("3", "2");

    assertThat(call("PUT", "/models/m/labels/canary", "{\"version\": 7}", TOKEN).status()).isEqualTo(404);
    Answer badBody = call("PUT", "/models/m/labels/canary", "{\"v\": 1}", TOKEN);
    assertThat(badBody.status()).isEqualTo(400);
    assertThat(badBody.error()).startsWith("the body must be {\"version\": <positive integer>}");
    Answer notJson = call("PUT", "/models/m/labels/canary", "{bad", TOKEN);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.error()).isEqualTo("malformed JSON at line 1, column 2: unexpected 'bad'");
    assertThat(call("PUT", "/models/m/labels/bad%20label", "{\"version\": 1}", TOKEN).status()).isEqualTo(400);
  }
}
