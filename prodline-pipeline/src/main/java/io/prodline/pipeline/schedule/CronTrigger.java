package io.prodline.pipeline.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.prodline.core.error.ProdlineException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Fires at the times of a Unix cron expression ({@code minute hour day-of-month month day-of-week}, e.g.
 * {@code 0 3 * * *} for 03:00 every day) in a time zone. Fire times missed while the process was busy (a tick
 * came late) fire once, not once per missed time: a pipeline run covers all of them.
 */
public final class CronTrigger implements Trigger {
  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ExecutionTime times;
  private final ZoneId zone;
  private Instant next;

  private CronTrigger(String expression, ExecutionTime times, ZoneId zone, Instant start) {
    this.expression = expression;
    this.times = times;
    this.zone = zone;
    this.next = nextAfter(start);
  }

  /** @param start fire times strictly after this count, so starting at 03:00 does not fire for 03:00 */
  public static CronTrigger parse(String expression, ZoneId zone, Instant start) {
    try {
      return new CronTrigger(expression, ExecutionTime.forCron(UNIX.parse(expression).validate()), zone, start);
    } catch (IllegalArgumentException e) {
      throw new ProdlineException("'" + expression + "' is not a Unix cron expression (minute hour day-of-month "
          + "month day-of-week, e.g. \"0 3 * * *\"): " + e.getMessage(), e);
    }
  }

  /** The first fire time strictly after {@code t}. */
  public Instant nextAfter(Instant t) {
    return times.nextExecution(t.atZone(zone)).orElseThrow(() -> new ProdlineException("cron expression '"
        + expression + "' never fires after " + t)).toInstant();
  }

  @Override
  public Optional<String> poll(Instant now) {
    if (now.isBefore(next)) {
      return Optional.empty();
    }
    Instant due = next;
    next = nextAfter(now);
    return Optional.of("cron '" + expression + "' due at " + due.atZone(zone).toOffsetDateTime());
  }

  @Override
  public Optional<Instant> nextCheck(Instant now) {
    return Optional.of(next);
  }
}
