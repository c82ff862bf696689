package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void withoutATerminalALineIsPrintedOncePerIntervalNotAtEveryRedraw() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(1_000);
    Progress.EveryInterval log = new Progress.EveryInterval(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(10), now::get);
    // The bar redraws every 500 ms: 60 redraws over 30 s.
    for (int redraw = 1; redraw <= 60; redraw++) {
      now.addAndGet(Duration.ofMillis(500).toNanos());
      log.accept("predict " + redraw + "/60 \r");
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("predict 20/60", "predict 40/60", "predict 60/60");
  }

  @Test
  void aLogLineDropsTheBouncingBarOfAnUnknownTotalAndKeepsTheBarOfAKnownOne() {
    // Lines as progressbar 0.10.2 renders them in the ASCII style.
    assertThat(Progress.EveryInterval.forLog(
        "predict  ? % [            =       ] 9388032/? rows (0:00:10 / ?) 938803.2 rows/s\r"))
        .isEqualTo("predict 9388032 rows (0:00:10) 938803.2 rows/s");
    String known = "predict  42% [=====>      ] 4200000/10000000 rows (0:00:04 / 0:00:06) 1000000.0 rows/s";
    assertThat(Progress.EveryInterval.forLog(known + "\r")).isEqualTo(known);
  }

  @Test
  void workShorterThanTheIntervalPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    Progress.EveryInterval log = new Progress.EveryInterval(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(10), now::get);
    for (int redraw = 1; redraw < 20; redraw++) {
      now.addAndGet(Duration.ofMillis(500).toNanos());
      log.accept("stats " + redraw);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
