package io.prodline.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Deadline;
import io.prodline.serving.inference.ClientGoneException;
import io.prodline.serving.limits.DeadlineExceededException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A cancelled call is past its deadline when that is (nearly) due, else its client is gone. */
class ClientContextsTest {
  @Test
  void aCancellationJustBeforeTheDeadlineIsTheDeadline() {
    Deadline due = Deadline.after(ClientContexts.DEADLINE_SLACK.toMillis() / 2, TimeUnit.MILLISECONDS);
    assertThat(ClientContexts.whyCancelled(due, "ModelInfer m")).isInstanceOf(DeadlineExceededException.class)
        .hasMessageStartingWith("Deadline Exceeded: the client's deadline passed");
    assertThat(ClientContexts.whyCancelled(Deadline.after(-1, TimeUnit.SECONDS), "ModelInfer m"))
        .isInstanceOf(DeadlineExceededException.class);
  }

  @Test
  void anEarlierCancellationOrOneWithoutDeadlineIsAClientGone() {
    assertThat(ClientContexts.whyCancelled(Deadline.after(1, TimeUnit.MINUTES), "ModelInfer m"))
        .isInstanceOf(ClientGoneException.class)
        .hasMessage("ModelInfer m was cancelled by the client before its answer was ready");
    assertThat(ClientContexts.whyCancelled(null, "ModelInfer m")).isInstanceOf(ClientGoneException.class);
  }
}
