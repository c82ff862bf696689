package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every socket implementation serves the same answers, including for bodies that arrive in pieces or span many
 * reads, where the transports differ most (io_uring reads into buffers it handed the kernel in advance).
 */
class TransportTest {
  @TempDir
  Path root;

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyAvailableTransportAnswersSmallSplitAndLargeBodiesAlike(Transport transport) throws Exception {
    assumeTrue(transport.isAvailable(), () -> transport + " is not available here");
    TestRepository.create(root);
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withTransport(transport)).start(0);
    try {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      // houses version 1: age + 10 * rooms + 100 * city code (a 0, b 1)
      Answer small = http.post("/v1/models/houses/versions/1:predict",
          "{\"instances\": [{\"age\": 1.5, \"rooms\": 3, \"city\": \"b\"}]}");
      assertThat(small.body()).isEqualTo("{\"predictions\":[131.5]}");

      // 10,000 rows (the default limit) padded with white space to about 1 MiB: many reads; every row's answer
      // must come back, in order.
      int rows = RequestLimits.DEFAULT_MAX_ROWS;
      String padding = " ".repeat(100);
      String body = IntStream.range(0, rows).mapToObj(i -> "[" + i + ", 0, \"a\"]" + padding)
          .collect(Collectors.joining(",", "{\"instances\": [", "]}"));
      Answer large = http.post("/v1/models/houses/versions/1:predict", body);
      assertThat(large.status()).as(large.body()).isEqualTo(200);
      assertThat(large.json().get("predictions")).hasSize(rows);
      assertThat(large.json().at("/predictions/" + (rows - 1)).asDouble()).isEqualTo(rows - 1);

      assertThat(answerOnNewConnection(server.actualPort(), 200))
          .startsWith("HTTP/1.1 200 OK").endsWith("{\"predictions\":[3.0]}");
    } finally {
      server.stop();
    }
  }

  /**
   * One request on a connection of its own, headers first and the body {@code pauseMillis} later (with a pause,
   * the server must wait for the rest instead of answering early).
   */
  private static String answerOnNewConnection(int port, long pauseMillis) throws IOException, InterruptedException {
    String body = "{\"instances\": [{\"age\": 3, \"rooms\": 0, \"city\": \"a\"}]}";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/models/houses/versions/1:predict HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(pauseMillis);
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void withoutAChoiceTheServerRunsOnTheFirstTransportWhoseLoopsStart() throws Exception {
    assertThat(Transport.NIO.isAvailable()).as("NIO runs on every JVM, so there is always a fallback").isTrue();
    Transport.EventLoops loops = Transport.open(null, 1);
    try {
      assertThat(loops.transport().isAvailable()).isTrue();
      assertThat(loops.io().submit(() -> "ran").get(10, TimeUnit.SECONDS)).isEqualTo("ran");
    } finally {
      loops.shutdown();
    }
    // io_uring passing its library's check and then failing to set up a ring: the next one serves instead, and
    // one that is not available is not tried.
    List<Transport> tried = new ArrayList<>();
    Transport.EventLoops fallback = Transport.firstThatStarts(List.of(Transport.IO_URING, Transport.EPOLL,
        Transport.NIO), t -> t != Transport.EPOLL, t -> {
          tried.add(t);
          if (t == Transport.IO_URING) {
            throw new IllegalStateException("failed to create io_uring ring fd Cannot allocate memory");
          }
          return new Transport.EventLoops(t, null, null);
        });
    assertThat(fallback.transport()).isEqualTo(Transport.NIO);
    assertThat(tried).containsExactly(Transport.IO_URING, Transport.NIO);
    assertThatThrownBy(() -> Transport.firstThatStarts(List.of(Transport.NIO), t -> true, t -> {
      throw new IllegalStateException("no threads");
    })).isInstanceOf(ProdlineException.class).hasMessage("no transport could start its event loops (tried [nio])");
  }

  @Test
  void aStartThatFailsLeavesNoEventLoopThreadsAndTheServerStartsAgainAfterAStop() throws Exception {
    long before = eventLoopThreads();
    ModelServer missing = new ModelServer(ServerConfig.defaults(root.resolve("missing")).withBindAddress("127.0.0.1"));
    assertThatThrownBy(() -> missing.start(0)).isInstanceOf(ProdlineException.class);
    awaitEventLoopThreads(before);

    TestRepository.create(root);
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1"));
    for (int round = 0; round < 2; round++) {
      server.start(0);
      try {
        assertThat(server.transport().isAvailable()).isTrue();
        assertThat(new HttpTestClient(server.actualPort()).post("/v1/models/houses/versions/1:predict",
            "{\"instances\": [[2, 0, \"a\"]]}").body()).isEqualTo("{\"predictions\":[2.0]}");
      } finally {
        server.stop();
      }
    }
    awaitEventLoopThreads(before);
    assertThatThrownBy(server::transport).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void connectionsAreSharedAmongAsManyLoopsAsAskedFor() throws Exception {
    TestRepository.create(root);
    long before = eventLoopThreads();
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1").withIoThreads(3));
    server.start(0);
    try {
      // Loops start their thread with their first connection, and take new connections in turn.
      for (int i = 0; i < 6; i++) {
        assertThat(answerOnNewConnection(server.actualPort(), 0)).endsWith("{\"predictions\":[3.0]}");
      }
      assertThat(eventLoopThreads() - before).as("one accepting loop and three serving ones").isEqualTo(4);
    } finally {
      server.stop();
    }
  }

  private static long eventLoopThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("prodline-io") || t.getName().startsWith("prodline-accept")).count();
  }

  /** Event loop threads end shortly after their group reports termination. */
  private static void awaitEventLoopThreads(long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (eventLoopThreads() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(eventLoopThreads()).isEqualTo(expected);
  }

  @Test
  void namesAreTheCommandLineOnesInAnyCase() {
    assertThat(Transport.named("io_uring")).isEqualTo(Transport.IO_URING);
    assertThat(Transport.named("EPOLL")).isEqualTo(Transport.EPOLL);
    assertThat(Transport.named("nio")).isEqualTo(Transport.NIO);
    assertThat(Transport.named("Auto")).as("auto: no choice, the first that starts").isNull();
    assertThat(Transport.IO_URING).hasToString("io_uring");
    assertThatThrownBy(() -> Transport.named("kqueue")).isInstanceOf(ProdlineException.class)
        .hasMessage("unknown transport 'kqueue': use auto, io_uring, epoll or nio");
  }

  @Test
  void aTransportThatCannotRunHereSaysWhyAndWhatToChoose() {
    UnsatisfiedLinkError cause = new UnsatisfiedLinkError("io_uring_setup: Operation not permitted");
    assertThat(Transport.IO_URING.notAvailable(cause)).hasCause(cause).hasMessage(
        "the io_uring transport is not available on this machine (java.lang.UnsatisfiedLinkError: io_uring_setup: "
            + "Operation not permitted); leave the transport unset (--transport auto) to take the first one that "
            + "starts");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aServerAskedForATransportThatCannotRunHereStopsAtStart(Transport transport) {
    assumeTrue(!transport.isAvailable(), () -> transport + " is available here");
    TestRepository.create(root);
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withTransport(transport));
    assertThatThrownBy(() -> server.start(0)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("the " + transport + " transport is not available on this machine (");
  }
}
