package io.prodline.data.source.arrow;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import io.prodline.data.source.StringCodes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Frames of a fixed number of rows cut from an {@link ArrowReader}'s record batches, whatever their size: each
 * vector's slice is copied into its column's builder, in bulk for 32- and 64-bit numbers, text with offsets and
 * bitmaps. The Arrow types read, and the column type each becomes:
 * <ul>
 *   <li>bool: bool;</li>
 *   <li>signed integers of 8 to 64 bits, unsigned ones of 8 to 32 bits: int64;</li>
 *   <li>floats of 16, 32 and 64 bits, decimals: float64;</li>
 *   <li>text ({@code utf8}, {@code large_utf8}, {@code utf8_view}), also dictionary-encoded (pandas' categories):
 *       string, by dictionary code ({@link StringCodes}), so a category met before costs no new string;</li>
 *   <li>null (a column without values, such as pandas writes for one of only {@code None}): string, every value
 *       missing;</li>
 *   <li>dates and timestamps: ISO 8601 string, always with seconds ({@code 2024-03-01}, {@code 2024-03-01T12:00:00};
 *       a timestamp with a time zone in UTC, {@code 2024-03-01T12:00:00Z}).</li>
 * </ul>
 * Any other type (uint64, times, durations, intervals, binary, lists, structs, maps, unions) has no column type:
 * {@link #columnType} says so, and the source refuses the file naming the column.
 */
public final class ArrowFrames {
  private final String source;
  private final ArrowReader reader;
  private final List<Field> fields;
  /** The vector of the reader's root holding each field. */
  private final int[] vectors;
  private final int batchRows;
  private VectorSchemaRoot root;
  /** The next row of {@link #root} to copy. */
  private int at;
  private boolean exhausted;

  /**
   * @param fields the frame's columns, as {@link #columnType} maps the vectors
   * @param vectors the index in the reader's root of each field's vector
   */
  public ArrowFrames(String source, ArrowReader reader, List<Field> fields, int[] vectors, int batchRows) {
    this.source = source;
    this.reader = reader;
    this.fields = List.copyOf(fields);
    this.vectors = vectors.clone();
    this.batchRows = batchRows;
  }

  /**
   * The column type an Arrow field is read as, or null when it has none; {@code dictionaries} holds a
   * dictionary-encoded field's values.
   */
  public static ColumnType columnType(org.apache.arrow.vector.types.pojo.Field field,
      DictionaryProvider dictionaries) {
    DictionaryEncoding encoding = field.getDictionary();
    if (encoding != null) {
      ColumnType values = columnType(dictionaries.lookup(encoding.getId()).getVector().getField(), dictionaries);
      return values == ColumnType.STRING ? values : null; // dictionaries of numbers are rare enough to refuse
    }
    return switch (field.getType().getTypeID()) {
      case Bool -> ColumnType.BOOL;
      case Int -> {
        ArrowType.Int integer = (ArrowType.Int) field.getType();
        yield integer.getIsSigned() || integer.getBitWidth() < 64 ? ColumnType.INT64 : null; // uint64 may not fit
      }
      case FloatingPoint, Decimal -> ColumnType.FLOAT64;
      case Utf8, LargeUtf8, Utf8View, Date, Timestamp -> ColumnType.STRING;
      case Null -> ColumnType.STRING; // no values at all (pandas' column of only None): missing text, as in a CSV
      default -> null;
    };
  }

  /** The next {@code batchRows} rows (fewer at the end) as a frame, or null when none are left. */
  public Frame next() {
    ColumnBuilder[] builders = new ColumnBuilder[fields.size()];
    for (int c = 0; c < builders.length; c++) {
      builders[c] = Column.builder(fields.get(c).type(), batchRows);
    }
    int filled = 0;
    try {
      while (filled < batchRows && !exhausted) {
        if (root == null || at == root.getRowCount()) {
          if (!reader.loadNextBatch()) {
            exhausted = true; // asked again, a reader may clear its root or start over
            break;
          }
          root = reader.getVectorSchemaRoot();
          at = 0;
          continue;
        }
        int take = Math.min(batchRows - filled, root.getRowCount() - at);
        for (int c = 0; c < builders.length; c++) {
          append(root.getVector(vectors[c]), at, at + take, builders[c]);
        }
        at += take;
        filled += take;
      }
    } catch (IOException | RuntimeException e) { // Arrow reports a damaged batch with runtime exceptions too
      throw new ProdlineException(source + ": reading failed after " + filled + " rows of this batch: "
          + e.getMessage() + "; the file is truncated or damaged, write it again", e);
    }
    if (filled == 0) {
      return null;
    }
    List<Column> built = new ArrayList<>(builders.length);
    for (ColumnBuilder builder : builders) {
      built.add(builder.build());
    }
    return Frame.of(fields.stream().map(Field::name).toList(), built);
  }

  /** Rows {@code [from, to)} of a vector of a type {@link #columnType} maps onto the builder of that type. */
  private void append(FieldVector vector, int from, int to, ColumnBuilder builder) {
    DictionaryEncoding encoding = vector.getField().getDictionary();
    if (encoding != null) {
      appendDictionaryTexts((BaseIntVector) vector, reader.lookup(encoding.getId()).getVector(), from, to,
          (StringColumn.Builder) builder);
    } else if (vector instanceof Float8Vector v) { // the common cases: one bulk copy
      ((Float64Column.Builder) builder).append(ArrowBuffers.values(v, from, to).asDoubleBuffer(), missing(v, from, to));
    } else if (vector instanceof Float4Vector v) {
      ((Float64Column.Builder) builder).append(ArrowBuffers.values(v, from, to).asFloatBuffer(), missing(v, from, to));
    } else if (vector instanceof BigIntVector v) {
      ((Int64Column.Builder) builder).append(ArrowBuffers.values(v, from, to).asLongBuffer(), missing(v, from, to));
    } else if (vector instanceof IntVector v) { // signed; uint32 (UInt4Vector) is read unsigned below
      ((Int64Column.Builder) builder).append(ArrowBuffers.values(v, from, to).asIntBuffer(), missing(v, from, to));
    } else if (vector instanceof FloatingPointVector v) { // float16 (float32 and float64 are copied in bulk above)
      appendDoubles(v::isNull, v::getValueAsDouble, from, to, (Float64Column.Builder) builder);
    } else if (vector instanceof DecimalVector || vector instanceof Decimal256Vector) {
      appendDoubles(vector::isNull, i -> ((BigDecimal) vector.getObject(i)).doubleValue(), from, to,
          (Float64Column.Builder) builder);
    } else if (vector instanceof BaseIntVector v) { // signed, and unsigned read as unsigned (uint64 is refused)
      appendIntegers(v::isNull, v::getValueAsLong, from, to, (Int64Column.Builder) builder);
    } else if (vector instanceof BitVector v) {
      ((BoolColumn.Builder) builder).append(bits(v.getDataBuffer(), from, to), to - from, missing(v, from, to));
    } else if (vector instanceof VarCharVector || vector instanceof LargeVarCharVector
        || vector instanceof ViewVarCharVector) {
      appendTexts(vector, from, to, (StringColumn.Builder) builder);
    } else if (vector instanceof DateDayVector v) {
      appendDates(v::isNull, v::get, from, to, (StringColumn.Builder) builder);
    } else if (vector instanceof DateMilliVector v) {
      appendDates(v::isNull, i -> Math.floorDiv(v.get(i), 86_400_000L), from, to, (StringColumn.Builder) builder);
    } else if (vector instanceof TimeStampVector v) {
      appendTimestamps(v, from, to, (StringColumn.Builder) builder);
    } else if (vector instanceof NullVector) {
      for (int i = from; i < to; i++) {
        builder.appendNull();
      }
    } else {
      throw new IllegalStateException(source + ": column '" + vector.getName() + "' is "
          + vector.getField().getType() + ", which no column type reads");
    }
  }

  /** The null rows among {@code [from, to)}, bit i for row {@code from + i}; null when the vector has no null. */
  private static BitSet missing(FieldVector vector, int from, int to) {
    if (vector.getNullCount() == 0) {
      return null;
    }
    BitSet missing = bits(vector.getValidityBuffer(), from, to); // a set bit marks a present value
    missing.flip(0, to - from);
    return missing;
  }

  /** Bits {@code [from, to)} of an Arrow bitmap (bit r is bit r % 8 of byte r / 8) as bits from 0. */
  private static BitSet bits(ArrowBuf bitmap, int from, int to) {
    int firstByte = from >>> 3;
    byte[] bytes = new byte[((to + 7) >>> 3) - firstByte];
    bitmap.getBytes(firstByte, bytes);
    int first = from & 7;
    return BitSet.valueOf(bytes).get(first, first + to - from);
  }

  /**
   * Text values by dictionary code ({@link StringCodes}), so a value met before costs no string; on a 30-column file
   * the six of text took half the read's CPU when each value became a new string. Values with offsets ({@code utf8},
   * {@code large_utf8}) are read from one copy of the slice's offsets and bytes: reading each through the vector
   * checked the buffer's bounds and reference count at every call, 60% of the read's CPU.
   */
  private static void appendTexts(FieldVector vector, int from, int to, StringColumn.Builder column) {
    StringCodes codes = new StringCodes(column, StandardCharsets.UTF_8);
    if (vector instanceof ViewVarCharVector) { // short values inline, long ones elsewhere: copied one by one
      TextBytes text = new TextBytes(vector);
      for (int i = from; i < to; i++) {
        if (vector.isNull(i)) {
          column.appendNull();
        } else {
          codes.append(text.scratch(), 0, text.copy(i));
        }
      }
      return;
    }
    long[] offsets = offsets(vector, from, to);
    byte[] bytes = new byte[Math.toIntExact(offsets[to - from] - offsets[0])];
    vector.getDataBuffer().getBytes(offsets[0], bytes, 0, bytes.length);
    BitSet missing = missing(vector, from, to);
    for (int i = 0; i < to - from; i++) {
      if (missing != null && missing.get(i)) {
        column.appendNull();
      } else {
        codes.append(bytes, (int) (offsets[i] - offsets[0]), (int) (offsets[i + 1] - offsets[0]));
      }
    }
  }

  /** Where the values of rows {@code [from, to)} of a text vector with offsets start, and where the last one ends. */
  private static long[] offsets(FieldVector vector, int from, int to) {
    long[] offsets = new long[to - from + 1];
    if (vector instanceof LargeVarCharVector) {
      ArrowBuffers.view(vector.getOffsetBuffer(), LargeVarCharVector.OFFSET_WIDTH, from, offsets.length)
          .asLongBuffer().get(offsets);
    } else {
      IntBuffer narrow = ArrowBuffers.view(vector.getOffsetBuffer(), VarCharVector.OFFSET_WIDTH, from, offsets.length)
          .asIntBuffer();
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = narrow.get(i);
      }
    }
    return offsets;
  }

  /** Dictionary-encoded text: each row's index names a value of the dictionary vector. */
  private static void appendDictionaryTexts(BaseIntVector indexes, FieldVector dictionary, int from, int to,
      StringColumn.Builder column) {
    StringCodes codes = new StringCodes(column, StandardCharsets.UTF_8);
    TextBytes text = new TextBytes(dictionary);
    for (int i = from; i < to; i++) {
      if (indexes.isNull(i)) {
        column.appendNull();
        continue;
      }
      int value = (int) indexes.getValueAsLong(i);
      if (dictionary.isNull(value)) {
        column.appendNull();
      } else {
        codes.append(text.scratch(), 0, text.copy(value));
      }
    }
  }

  /** Copies the bytes of a text vector's values into a growing scratch array. */
  private static final class TextBytes {
    private final FieldVector vector;
    private byte[] scratch = new byte[64];

    TextBytes(FieldVector vector) {
      this.vector = vector;
    }

    byte[] scratch() {
      return scratch;
    }

    /** Copies value {@code i} to the start of {@link #scratch()}; returns its length. */
    int copy(int i) {
      long start;
      long end;
      ArrowBuf data;
      if (vector instanceof VarCharVector v) {
        start = v.getStartOffset(i);
        end = v.getEndOffset(i);
        data = v.getDataBuffer();
      } else if (vector instanceof LargeVarCharVector v) {
        ArrowBuf offsets = v.getOffsetBuffer();
        start = offsets.getLong((long) i * LargeVarCharVector.OFFSET_WIDTH);
        end = offsets.getLong((long) (i + 1) * LargeVarCharVector.OFFSET_WIDTH);
        data = v.getDataBuffer();
      } else { // a view vector keeps short values inline: it copies them itself
        byte[] value = ((ViewVarCharVector) vector).get(i);
        ensure(value.length);
        System.arraycopy(value, 0, scratch, 0, value.length);
        return value.length;
      }
      int length = Math.toIntExact(end - start);
      ensure(length);
      data.getBytes(start, scratch, 0, length);
      return length;
    }

    private void ensure(int length) {
      if (length > scratch.length) {
        scratch = new byte[Math.max(length, 2 * scratch.length)];
      }
    }
  }

  private static void appendDates(IntPredicate isNull, IntToLongFunction epochDays, int from, int to,
      StringColumn.Builder column) {
    for (int i = from; i < to; i++) {
      if (isNull.test(i)) {
        column.appendNull();
      } else {
        column.append(LocalDate.ofEpochDay(epochDays.applyAsLong(i)).toString());
      }
    }
  }

  private static final Map<org.apache.arrow.vector.types.TimeUnit, Long> NANOS_PER_UNIT = Map.of(
      org.apache.arrow.vector.types.TimeUnit.SECOND, 1_000_000_000L,
      org.apache.arrow.vector.types.TimeUnit.MILLISECOND, 1_000_000L,
      org.apache.arrow.vector.types.TimeUnit.MICROSECOND, 1_000L,
      org.apache.arrow.vector.types.TimeUnit.NANOSECOND, 1L);

  /** A timestamp without a time zone is a local date-time; one with a zone an instant, written in UTC. */
  private static void appendTimestamps(TimeStampVector v, int from, int to, StringColumn.Builder column) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) v.getField().getType();
    long nanosPerUnit = NANOS_PER_UNIT.get(type.getUnit());
    long unitsPerSecond = 1_000_000_000L / nanosPerUnit;
    for (int i = from; i < to; i++) {
      if (v.isNull(i)) {
        column.appendNull();
        continue;
      }
      long value = v.get(i);
      Instant instant = Instant.ofEpochSecond(Math.floorDiv(value, unitsPerSecond),
          Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
      column.append(type.getTimezone() == null
          ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC))
          : instant.toString());
    }
  }

  private static void appendIntegers(IntPredicate isNull, IntToLongFunction values, int from, int to,
      Int64Column.Builder column) {
    for (int i = from; i < to; i++) {
      if (isNull.test(i)) {
        column.appendNull();
      } else {
        column.append(values.applyAsLong(i));
      }
    }
  }

  private static void appendDoubles(IntPredicate isNull, IntToDoubleFunction values, int from, int to,
      Float64Column.Builder column) {
    for (int i = from; i < to; i++) {
      if (isNull.test(i)) {
        column.appendNull();
      } else {
        column.append(values.applyAsDouble(i));
      }
    }
  }
}
