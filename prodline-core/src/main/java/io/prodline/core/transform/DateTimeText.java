package io.prodline.core.transform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the date and date-time strings that date-part features accept:
 * <ul>
 *   <li>{@code yyyy-MM-dd} and {@code yyyy/MM/dd}: a date, at midnight;</li>
 *   <li>{@code yyyy-MM-ddTHH:mm[:ss[.fraction]]}, also with a space instead of {@code T}: a local date-time,
 *       taken as written;</li>
 *   <li>the same followed by {@code Z} or an offset such as {@code +02:00} (an ISO instant or offset date-time):
 *       converted to UTC first, so {@code 2024-03-01T01:30+02:00} is 2024-02-29 23:30.</li>
 * </ul>
 * Anything else is rejected; the caller names the feature and value.
 */
public final class DateTimeText {
  /** The accepted forms, for error messages. */
  public static final String FORMATS = "yyyy-MM-dd, yyyy/MM/dd, yyyy-MM-ddTHH:mm[:ss[.fff]] (or with a space "
      + "for T), optionally ending in Z or an offset like +02:00";
  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/MM/dd");

  private DateTimeText() {}

  /** The date-time {@code text} denotes; throws {@link DateTimeParseException} when it is none of the forms. */
  public static LocalDateTime parse(String text) {
    String t = text.strip();
    if (t.length() < 10) {
      throw new DateTimeParseException("shorter than a date", text, 0);
    }
    if (t.length() == 10) {
      LocalDate date = t.charAt(4) == '/' ? LocalDate.parse(t, SLASHED) : LocalDate.parse(t);
      return date.atStartOfDay();
    }
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    char last = t.charAt(t.length() - 1);
    boolean offset = last == 'Z' || last == 'z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10;
    if (offset) {
      return OffsetDateTime.parse(t.replace('z', 'Z')).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    return LocalDateTime.parse(t);
  }
}
