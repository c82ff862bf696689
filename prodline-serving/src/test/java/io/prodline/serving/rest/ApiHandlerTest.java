package io.prodline.serving.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.testing.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One connection's requests: answered in request order, and a pipelining client cannot queue without bound. */
class ApiHandlerTest {
  @TempDir
  Path root;

  @Test
  void pipelinedRequestsAreAnsweredInOrderAndReadingPausesWhileTooManyWait() {
    int requests = ApiHandler.MAX_WAITING + 4;
    Queue<Runnable> worker = new ArrayDeque<>();
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      EmbeddedChannel channel = new EmbeddedChannel(
          new ApiHandler(new ModelApi(repository, worker::add), new InFlightRequests()));
      for (int i = 0; i < requests; i++) {
        channel.writeInbound(predict(i));
      }
      // One request runs, the rest wait; reading stopped once MAX_WAITING were waiting.
      assertThat(worker).hasSize(1);
      assertThat(channel.config().isAutoRead()).isFalse();

      List<String> answers = new ArrayList<>();
      while (!worker.isEmpty()) {
        worker.poll().run();
        channel.runPendingTasks();
        FullHttpResponse response = channel.readOutbound();
        answers.add(response.content().toString(StandardCharsets.UTF_8));
        response.release();
      }
      assertThat(answers).hasSize(requests);
      ModelApi direct = new ModelApi(repository, Runnable::run);
      for (int i = 0; i < requests; i++) {
        assertThat(answers.get(i)).as("answer %d", i).isEqualTo(directAnswer(direct, i));
      }
      assertThat(answers).doesNotHaveDuplicates();
      assertThat(channel.config().isAutoRead()).isTrue();
      channel.finishAndReleaseAll();
    }
  }

  @Test
  void aLoneRequestNeverPausesReading() {
    Queue<Runnable> worker = new ArrayDeque<>();
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      EmbeddedChannel channel = new EmbeddedChannel(
          new ApiHandler(new ModelApi(repository, worker::add), new InFlightRequests()));
      channel.writeInbound(predict(1));
      assertThat(channel.config().isAutoRead()).isTrue();
      worker.poll().run();
      channel.runPendingTasks();
      FullHttpResponse response = channel.readOutbound();
      assertThat(response.content().toString(StandardCharsets.UTF_8))
          .isEqualTo(directAnswer(new ModelApi(repository, Runnable::run), 1));
      response.release();
      channel.finishAndReleaseAll();
    }
  }

  /** iris predicts from (x, 1); each x gives a different answer. */
  private static DefaultFullHttpRequest predict(int x) {
    byte[] body = ("{\"instances\": [[" + x + ", 1]]}").getBytes(StandardCharsets.UTF_8);
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/models/iris:predict",
        Unpooled.wrappedBuffer(body));
  }

  /** The same request's answer from the API called directly, without a connection. */
  private static String directAnswer(ModelApi api, int x) {
    DefaultFullHttpRequest request = predict(x);
    try {
      return new String(api.handle(HttpMethod.POST, request.uri(), ByteBufUtil.getBytes(
          request.content())).join().body(), StandardCharsets.UTF_8);
    } finally {
      request.release();
    }
  }
}
