package io.prodline.serving.lifecycle;

import static io.prodline.serving.lifecycle.VersionState.AVAILABLE;
import static io.prodline.serving.lifecycle.VersionState.END;
import static io.prodline.serving.lifecycle.VersionState.ERROR;
import static io.prodline.serving.lifecycle.VersionState.LOADING;
import static io.prodline.serving.lifecycle.VersionState.NEW;
import static io.prodline.serving.lifecycle.VersionState.UNLOADING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifecycle's transitions: every legal one, and every other one rejected. */
class VersionStateTest {
  private static final Map<VersionState, Set<VersionState>> LEGAL = Map.of(
      NEW, EnumSet.of(LOADING, ERROR),
      LOADING, EnumSet.of(AVAILABLE, ERROR),
      AVAILABLE, EnumSet.of(UNLOADING, ERROR),
      UNLOADING, EnumSet.of(END, ERROR),
      END, EnumSet.noneOf(VersionState.class),
      ERROR, EnumSet.noneOf(VersionState.class));

  @Test
  void allowsExactlyTheDocumentedTransitions() {
    for (VersionState from : VersionState.values()) {
      for (VersionState to : VersionState.values()) {
        assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
      }
    }
  }

  @Test
  void anIllegalTransitionIsRejectedNamingTheVersionAndStates() {
    ServableVersion version = new ServableVersion("m", 3, Path.of("m/3"));
    assertThatThrownBy(() -> version.moveTo(AVAILABLE)).isInstanceOf(IllegalStateException.class)
        .hasMessage("model 'm' version 3 cannot move from NEW to AVAILABLE; from NEW it may only move to "
            + "[LOADING, ERROR]");
    version.moveTo(LOADING);
    version.fail("broken");
    assertThat(version.state()).isEqualTo(ERROR);
    assertThat(version.error()).isEqualTo("broken");
    assertThatThrownBy(() -> version.moveTo(LOADING)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from ERROR it may only move to []");
  }

  @Test
  void drainingRefusesNewHandlesAndCompletesWhenTheLastOneCloses() {
    ServableVersion version = new ServableVersion("m", 1, Path.of("m/1"));
    VersionHandle first = version.tryAcquire();
    VersionHandle second = version.tryAcquire();
    var drained = version.startDrain();
    assertThat(version.tryAcquire()).isNull();
    assertThat(version.inFlight()).isEqualTo(2);
    first.close();
    first.close();
    assertThat(drained).isNotDone();
    second.close();
    assertThat(drained).isDone();
    assertThat(new ServableVersion("m", 2, Path.of("m/2")).startDrain()).isDone();
  }
}
