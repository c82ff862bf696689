package io.prodline.serving.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The earlier of the server's limit and the client's deadline ends the work, and the answer says which. */
class DeadlinesTest {
  private final Deadlines deadlines = new Deadlines();

  @AfterEach
  void close() {
    deadlines.close();
  }

  private static String failure(CompletableFuture<?> work) {
    return assertThatThrownBy(work::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(DeadlineExceededException.class).actual().getMessage();
  }

  @Test
  void theServersLimitAppliesWhenTheClientSetNoEarlierDeadline() {
    CompletableFuture<?> none = new CompletableFuture<>();
    deadlines.enforce(none, Duration.ofMillis(20), null);
    assertThat(failure(none)).isEqualTo("Deadline Exceeded: the request took longer than the server's limit of "
        + "20 ms; retry, or send fewer instances per request");
    CompletableFuture<?> later = new CompletableFuture<>();
    deadlines.enforce(later, Duration.ofMillis(20), Duration.ofMinutes(1));
    assertThat(failure(later)).contains("server's limit of 20 ms");
  }

  @Test
  void anEarlierClientDeadlineApplies() {
    CompletableFuture<?> work = new CompletableFuture<>();
    deadlines.enforce(work, Duration.ofMinutes(1), Duration.ofMillis(20));
    assertThat(failure(work)).isEqualTo("Deadline Exceeded: the client's deadline passed before the answer was "
        + "ready");
  }

  @Test
  void aClientDeadlineAlreadyPastEndsTheWorkAtOnce() {
    CompletableFuture<?> work = new CompletableFuture<>();
    deadlines.enforce(work, Duration.ofMinutes(1), Duration.ofMillis(-5));
    assertThat(work).isCompletedExceptionally();
  }

  @Test
  void workDoneInTimeKeepsItsResult() {
    CompletableFuture<String> work = new CompletableFuture<>();
    deadlines.enforce(work, Duration.ofMillis(20), Duration.ofMillis(10));
    work.complete("done");
    assertThat(work.join()).isEqualTo("done");
  }
}
