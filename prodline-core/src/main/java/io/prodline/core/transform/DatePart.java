package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDateTime;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;

/** A calendar field read from a date or date-time string; see {@link DateTimeText} for the accepted forms. */
public enum DatePart {
  /** ISO day of week, 1 = Monday ... 7 = Sunday. */
  DAY_OF_WEEK(ChronoField.DAY_OF_WEEK),
  /** 1 = January ... 12 = December. */
  MONTH(ChronoField.MONTH_OF_YEAR),
  /** 1 ... 365 (366 in leap years). */
  DAY_OF_YEAR(ChronoField.DAY_OF_YEAR),
  /** 1 ... 31. */
  DAY_OF_MONTH(ChronoField.DAY_OF_MONTH),
  /** 0 ... 23; 0 for a date without a time. */
  HOUR(ChronoField.HOUR_OF_DAY),
  /** The proleptic ISO year, e.g. 2012. */
  YEAR(ChronoField.YEAR);

  private final ChronoField field;

  DatePart(ChronoField field) {
    this.field = field;
  }

  /** This part of {@code dateTime}. */
  public int of(LocalDateTime dateTime) {
    return dateTime.get(field);
  }

  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static DatePart fromFileName(String name) {
    for (DatePart p : values()) {
      if (p.fileName().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown date part '" + name + "': expected one of "
        + Arrays.stream(values()).map(DatePart::fileName).toList());
  }
}
