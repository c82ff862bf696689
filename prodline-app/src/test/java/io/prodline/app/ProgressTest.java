package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
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
      log.accept("predict " + redraw + "/60");
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("predict 20/60", "predict 40/60", "predict 60/60");
  }

  @Test
  void aLogLineSaysRowsTimeAndRateAndWithAKnownTotalTheShareAndTimeLeft() throws Exception {
    List<String> unknown = new CopyOnWriteArrayList<>();
    try (ProgressBar bar = Progress.forLog("predict", -1, "rows", unknown::add)) {
      bar.stepTo(8_929_280);
    }
    assertThat(unknown).isNotEmpty();
    assertThat(unknown.get(unknown.size() - 1)).matches("predict 8929280 rows in 0:00:\\d\\d(, \\d+ rows/s)?");

    List<String> known = new CopyOnWriteArrayList<>();
    try (ProgressBar bar = Progress.forLog("predict", 10_000_000, "rows", known::add)) {
      bar.stepTo(4_200_000);
      Thread.sleep(20); // so that the line has a rate
    }
    assertThat(known.get(known.size() - 1))
        .matches("predict 4200000 of 10000000 rows \\(42%\\) in 0:00:\\d\\d, \\d+ rows/s, \\d:\\d\\d:\\d\\d left");
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
