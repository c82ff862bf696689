package io.prodline.serving.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.PrometheusTextFormat;
import io.prodline.serving.testing.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One connection's requests: answered in request order, a pipelining client cannot queue without bound, and a
 * client that leaves takes its requests with it.
 */
class ApiHandlerTest {
  @TempDir
  Path root;

  @Test
  void pipelinedRequestsAreAnsweredInOrderAndReadingPausesWhileTooManyWait() {
    int requests = ApiHandler.MAX_WAITING + 4;
    Queue<Runnable> worker = new ArrayDeque<>();
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      EmbeddedChannel channel = new EmbeddedChannel(
          new ApiHandler(new ModelApi(repository, worker::add), new InFlightRequests(), 1 << 20));
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
          new ApiHandler(new ModelApi(repository, worker::add), new InFlightRequests(), 1 << 20));
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

  @Test
  void onceTheServerDrainsTheLastAnswerOwedClosesTheConnectionAndAnIdleOneClosesAtOnce() {
    Queue<Runnable> worker = new ArrayDeque<>();
    InFlightRequests inFlight = new InFlightRequests();
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, worker::add);
      // Ids of their own: embedded channels share one by default, and a channel group holds one channel per id.
      EmbeddedChannel busy = new EmbeddedChannel(DefaultChannelId.newInstance(), new HttpServerKeepAliveHandler(),
          new ApiHandler(api, inFlight, 1 << 20));
      EmbeddedChannel idle = new EmbeddedChannel(DefaultChannelId.newInstance(), new HttpServerKeepAliveHandler(),
          new ApiHandler(api, inFlight, 1 << 20));
      ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
      connections.addAll(List.of(busy, idle));

      busy.writeInbound(predict(1), predict(2));
      inFlight.startDraining();
      inFlight.closeIdle(connections);
      busy.runPendingTasks();
      idle.runPendingTasks();
      boolean idleOpen = idle.isOpen();
      boolean busyOpen = busy.isOpen();

      List<String> connectionHeaders = new ArrayList<>();
      while (!worker.isEmpty()) {
        worker.poll().run();
        busy.runPendingTasks();
        FullHttpResponse response = busy.readOutbound();
        connectionHeaders.add(response.status().code() + " " + response.headers().get(HttpHeaderNames.CONNECTION));
        response.release();
      }
      assertThat(idleOpen).as("idle keep-alive connection open").isFalse();
      assertThat(busyOpen).as("a connection that owes answers open").isTrue();
      // Both pipelined requests are answered; only the last answer says close, and the connection closes after it.
      assertThat(connectionHeaders).containsExactly("200 null", "200 close");
      assertThat(busy.isOpen()).isFalse();
      busy.finishAndReleaseAll();
      idle.finishAndReleaseAll();
    }
  }

  @Test
  void theIdleTimeoutAnswersAStalledBody408ClosesAnIdleConnectionAndLeavesOneThatAwaitsItsAnswer() {
    Queue<Runnable> worker = new ArrayDeque<>();
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, worker::add);
      EmbeddedChannel stalled = connection(api);
      DefaultHttpRequest head =
          new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/models/iris:predict");
      HttpUtil.setContentLength(head, 100);
      stalled.writeInbound(head,
          new DefaultHttpContent(Unpooled.copiedBuffer("{\"instances\":", StandardCharsets.UTF_8)));
      stalled.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
      FullHttpResponse timedOut = stalled.readOutbound();
      assertThat(timedOut.status().code()).isEqualTo(408);
      assertThat(timedOut.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
      assertThat(timedOut.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"the rest of the request "
          + "did not come within the idle timeout; send the whole request at once\"}");
      timedOut.release();
      stalled.advanceTimeBy(3, TimeUnit.SECONDS); // the lingering close
      stalled.runScheduledPendingTasks();
      assertThat(stalled.isOpen()).isFalse();
      assertThat(worker).as("nothing of the stalled request runs").isEmpty();

      EmbeddedChannel idle = connection(api);
      idle.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
      assertThat(idle.isOpen()).isFalse();
      assertThat((Object) idle.readOutbound()).as("an idle connection is closed without a word").isNull();

      EmbeddedChannel awaiting = connection(api);
      awaiting.writeInbound(predict(1));
      awaiting.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
      assertThat(awaiting.isOpen()).isTrue();
      worker.poll().run();
      awaiting.runPendingTasks();
      FullHttpResponse answer = awaiting.readOutbound();
      assertThat(answer.status().code()).isEqualTo(200);
      answer.release();
      awaiting.finishAndReleaseAll();
    }
  }

  /** A connection's pipeline after its codec, as {@link HttpChannelInitializer} builds it. */
  private static EmbeddedChannel connection(ModelApi api) {
    return new EmbeddedChannel(DefaultChannelId.newInstance(), new HttpServerKeepAliveHandler(),
        new BodyLimitAggregator(1 << 20, api), new ApiHandler(api, new InFlightRequests(), 1 << 20));
  }

  @Test
  void aClosedConnectionDropsItsWaitingRequestsAndItsRunningOneNeverReachesTheModel() {
    TestRepository.gated(root);
    Queue<Runnable> worker = new ArrayDeque<>();
    ServingMetrics metrics = new ServingMetrics();
    int predictedBefore = LinearTestRuntimeProvider.GATE_PASSED.get();
    try (ModelRepository repository = ModelRepository.scan(root)) {
      ModelApi api = new ModelApi(repository, worker::add, Inference.alone(), RequestLimits.DEFAULT,
          new Deadlines(), metrics, List.of());
      EmbeddedChannel channel = new EmbeddedChannel(new ApiHandler(api, new InFlightRequests(), 1 << 20));
      try {
        channel.writeInbound(gated(), gated(), gated());
        assertThat(worker).as("one request runs, two wait on the connection").hasSize(1);

        channel.close();
        assertThat(count(metrics, "499")).as("the running request, counted as its client gone").isEqualTo(1);
      } finally {
        while (!worker.isEmpty()) {
          worker.poll().run();
          channel.runPendingTasks();
        }
      }
      assertThat(LinearTestRuntimeProvider.GATE_PASSED.get() - predictedBefore).as("predictions made").isZero();
      assertThat(count(metrics, "200")).isZero();
      channel.finishAndReleaseAll();
    }
  }

  @Test
  void aRequestIsCountedBeforeItsCallerSeesTheAnswer() {
    ServingMetrics metrics = new ServingMetrics();
    Queue<Runnable> worker = new ArrayDeque<>();
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, worker::add, Inference.alone(), RequestLimits.DEFAULT,
          new Deadlines(), metrics, List.of());
      DefaultFullHttpRequest request = predict(1);
      try {
        // What a scrape sent right after the answer would read: it must already hold the request.
        var countedWhenAnswered = api.handle(HttpMethod.POST, request.uri(), ByteBufUtil.getBytes(request.content()))
            .thenApply(answer -> PrometheusTextFormat.requestsCounted(metrics.scrape(), "iris", "rest_v1", "200"));
        worker.poll().run();
        assertThat(countedWhenAnswered.join()).isEqualTo(1);
      } finally {
        request.release();
      }
    }
  }

  /** How many REST requests to the gated model {@code metrics} counted with that status. */
  private static int count(ServingMetrics metrics, String status) {
    return PrometheusTextFormat.requestsCounted(metrics.scrape(), "gated", "rest_v1", status);
  }

  private static DefaultFullHttpRequest gated() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/models/gated:predict",
        Unpooled.wrappedBuffer("{\"instances\": [[1]]}".getBytes(StandardCharsets.UTF_8)));
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
