package io.prodline.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Next fire times against values worked out by hand from a calendar. */
class CronTriggerTest {
  private static final Instant START = Instant.parse("2024-05-01T10:07:00Z"); // a Wednesday

  @Test
  void nextFireTimesMatchTheCalendar() {
    assertThat(next("0 3 * * *", START)).isEqualTo("2024-05-02T03:00:00Z");
    assertThat(next("*/15 * * * *", START)).isEqualTo("2024-05-01T10:15:00Z");
    assertThat(next("30 10 * * *", START)).isEqualTo("2024-05-01T10:30:00Z");
    assertThat(next("0 10 * * *", START)).isEqualTo("2024-05-02T10:00:00Z");
    assertThat(next("0 9 * * 1-5", Instant.parse("2024-05-03T10:00:00Z"))).isEqualTo("2024-05-06T09:00:00Z");
    assertThat(next("0 0 1 * *", Instant.parse("2024-01-31T12:00:00Z"))).isEqualTo("2024-02-01T00:00:00Z");
    assertThat(next("0 12 29 2 *", Instant.parse("2024-03-01T00:00:00Z"))).isEqualTo("2028-02-29T12:00:00Z");
  }

  @Test
  void fireTimesAreInTheGivenTimeZone() {
    // 03:00 in Berlin is 01:00 UTC in summer (CEST, +2) and 02:00 UTC in winter (CET, +1).
    CronTrigger berlin = CronTrigger.parse("0 3 * * *", ZoneId.of("Europe/Berlin"), START);
    assertThat(berlin.nextAfter(Instant.parse("2024-07-01T12:00:00Z"))).isEqualTo("2024-07-02T01:00:00Z");
    assertThat(berlin.nextAfter(Instant.parse("2024-12-01T12:00:00Z"))).isEqualTo("2024-12-02T02:00:00Z");
  }

  @Test
  void firesWhenDueAndOnceForTimesMissedWhileBusy() {
    CronTrigger hourly = CronTrigger.parse("0 * * * *", ZoneOffset.UTC, START);
    assertThat(hourly.nextCheck(START)).contains(Instant.parse("2024-05-01T11:00:00Z"));
    assertThat(hourly.poll(Instant.parse("2024-05-01T10:59:59Z"))).isEmpty();
    assertThat(hourly.poll(Instant.parse("2024-05-01T11:00:00Z"))).hasValueSatisfying(reason ->
        assertThat(reason).isEqualTo("cron '0 * * * *' due at 2024-05-01T11:00Z"));
    assertThat(hourly.poll(Instant.parse("2024-05-01T11:00:01Z"))).isEmpty();

    assertThat(hourly.poll(Instant.parse("2024-05-01T14:30:00Z"))).isPresent(); // 12:00, 13:00 and 14:00 missed
    assertThat(hourly.poll(Instant.parse("2024-05-01T14:31:00Z"))).isEmpty();
    assertThat(hourly.nextCheck(START)).contains(Instant.parse("2024-05-01T15:00:00Z"));
  }

  @Test
  void aWrongExpressionSaysWhatTheFormatIs() {
    assertThatThrownBy(() -> CronTrigger.parse("0 3 * *", ZoneOffset.UTC, START))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("'0 3 * *' is not a Unix cron expression (minute hour day-of-month month day-of-week");
    assertThatThrownBy(() -> CronTrigger.parse("61 * * * *", ZoneOffset.UTC, START))
        .isInstanceOf(ProdlineException.class);
  }

  private static Instant next(String expression, Instant after) {
    return CronTrigger.parse(expression, ZoneOffset.UTC, after).nextCheck(after).orElseThrow();
  }
}
