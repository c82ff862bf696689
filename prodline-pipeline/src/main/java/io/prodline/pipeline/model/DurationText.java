package io.prodline.pipeline.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in pipeline files: a whole number and a unit, {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}. */
public final class DurationText {
  private static final Pattern FORMAT = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  private DurationText() {}

  public static Optional<Duration> parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    });
  }
}
