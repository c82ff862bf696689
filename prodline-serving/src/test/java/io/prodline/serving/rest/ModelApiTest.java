package io.prodline.serving.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.testing.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API without sockets: routing and error mapping that a running server cannot easily provoke. */
class ModelApiTest {
  @TempDir
  Path root;

  @Test
  void aFullWorkerQueueIs503() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, task -> {
        throw new RejectedExecutionException("full");
      });
      ApiResponse answer = api.handle(HttpMethod.POST, "/v1/models/slow:predict",
          "{\"instances\": [[1]]}".getBytes(StandardCharsets.UTF_8)).join();
      assertThat(answer.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("retry later");
    }
  }

  @Test
  void ignoresTheQueryStringWhenRouting() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, Runnable::run);
      ApiResponse answer = api.handle(HttpMethod.GET, "/v1/models/iris?verbose=1", new byte[0]).join();
      assertThat(answer.status()).isEqualTo(HttpResponseStatus.OK);
    }
  }
}
