package io.prodline.data.source.jdbc;

import io.prodline.core.frame.ColumnType;
import io.prodline.data.source.FrameAssembler;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a result column's JDBC type to one of the four column types, and reads its values.
 *
 * <ul>
 *   <li>TINYINT, SMALLINT, INTEGER, BIGINT, and DuckDB's unsigned and 128-bit integers: int64; a value beyond
 *       64 bits is a bad record rather than a wrapped number.
 *   <li>REAL, FLOAT, DOUBLE, NUMERIC, DECIMAL: float64 (decimals lose digits beyond double precision).
 *   <li>BOOLEAN, BIT: bool.
 *   <li>DATE, TIME, TIMESTAMP, and their time-zone forms: string in ISO 8601 ({@code 2024-01-02},
 *       {@code 03:04:05}, {@code 2024-01-02T03:04:05.123}, {@code 2024-01-02T01:04:05Z}); always with seconds,
 *       so that values of one column sort and compare as text.
 *   <li>Anything else (text, UUID, JSON, arrays, structs, binary): string, the driver's text for the value.
 * </ul>
 */
final class JdbcTypes {
  private static final Set<String> WIDE_INTEGERS = Set.of("UBIGINT", "HUGEINT", "UHUGEINT");
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private JdbcTypes() {}

  static ColumnType columnType(int sqlType, String typeName) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.INT64;
      case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> ColumnType.FLOAT64;
      case Types.BOOLEAN, Types.BIT -> ColumnType.BOOL;
      default -> isWideInteger(typeName) ? ColumnType.INT64 : ColumnType.STRING;
    };
  }

  static ValueReader reader(int sqlType, String typeName) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> (rows, i, row, c) -> {
        long value = rows.getLong(i);
        if (!rows.wasNull()) {
          row.setInt64(c, value);
        }
      };
      case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> (rows, i, row, c) -> {
        double value = rows.getDouble(i);
        if (!rows.wasNull()) {
          row.setFloat64(c, value);
        }
      };
      case Types.BOOLEAN, Types.BIT -> (rows, i, row, c) -> {
        boolean value = rows.getBoolean(i);
        if (!rows.wasNull()) {
          row.setBool(c, value);
        }
      };
      case Types.DATE -> temporal(LocalDate.class, DateTimeFormatter.ISO_LOCAL_DATE);
      case Types.TIME -> temporal(LocalTime.class, DateTimeFormatter.ISO_LOCAL_TIME);
      case Types.TIME_WITH_TIMEZONE -> temporal(OffsetTime.class, DateTimeFormatter.ISO_OFFSET_TIME);
      case Types.TIMESTAMP -> "timestamptz".equalsIgnoreCase(typeName) // PostgreSQL reports it as TIMESTAMP
          ? temporal(OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          : temporal(LocalDateTime.class, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      case Types.TIMESTAMP_WITH_TIMEZONE -> temporal(OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      default -> isWideInteger(typeName) ? JdbcTypes::readWideInteger
          : (rows, i, row, c) -> row.setString(c, rows.getString(i));
    };
  }

  private static boolean isWideInteger(String typeName) {
    return typeName != null && WIDE_INTEGERS.contains(typeName.toUpperCase(Locale.ROOT));
  }

  private static void readWideInteger(ResultSet rows, int i, FrameAssembler row, int c)
      throws SQLException {
    Object value = rows.getObject(i);
    if (value == null) {
      return;
    }
    BigInteger integer = value instanceof BigInteger big ? big : new BigInteger(value.toString());
    if (integer.compareTo(MIN) < 0 || integer.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("the value " + integer + " does not fit a 64-bit integer");
    }
    row.setInt64(c, integer.longValue());
  }

  private static <T extends TemporalAccessor> ValueReader temporal(Class<T> type,
      DateTimeFormatter format) {
    return (rows, i, row, c) -> {
      T value = rows.getObject(i, type);
      if (value != null) {
        row.setString(c, format.format(value));
      }
    };
  }
}
