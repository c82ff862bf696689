package io.prodline.data.source.arrow;

import static io.prodline.data.source.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.Rows;
import io.prodline.data.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArrowIpcSourceTest {
  @TempDir Path dir;

  private static final List<List<Object>> JS_TABLE = List.of(
      row(1.5, 1L, 0L, true, "paris", "café", "2024-03-01", "2024-03-01T12:30:15.250Z"),
      row(null, 2L, 200L, null, "lyon", "", "1969-12-31", "1970-01-01T00:00:00Z"),
      row(-2.25, -3L, 255L, false, "paris", null, null, null),
      row(1e300, 2147483647L, 7L, true, null, "a,b \"c\"", "2000-01-01", "1969-12-31T23:59:59Z"));

  /** Files written by Arrow's JavaScript implementation (see the fixtures' README): another writer than ours. */
  @ParameterizedTest
  @ValueSource(strings = {"js-arrow-18.arrow", "js-arrow-18.arrows"})
  void readsWhatAnotherArrowImplementationWrote(String fixture) throws IOException {
    Path file = copyFixture(fixture);
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults().withBatchRows(3))) {
      assertThat(source.schema()).containsExactly(new Field("price", ColumnType.FLOAT64),
          new Field("count", ColumnType.INT64), new Field("small", ColumnType.INT64),
          new Field("flag", ColumnType.BOOL), new Field("city", ColumnType.STRING),
          new Field("note", ColumnType.STRING), new Field("day", ColumnType.STRING),
          new Field("at", ColumnType.STRING));
      List<Frame> frames = new ArrayList<>();
      source.forEach(frames::add);
      assertThat(frames).extracting(Frame::rowCount).containsExactly(3, 1);
      List<List<Object>> rows = new ArrayList<>();
      frames.forEach(f -> rows.addAll(Rows.of(f)));
      assertThat(rows).isEqualTo(JS_TABLE);
    }
  }

  @Test
  void readsOnlyTheColumnsAskedForInTheirOrder() throws IOException {
    try (DataSource source = DataSources.open(copyFixture("js-arrow-18.arrow").toString(),
        SourceOptions.defaults())) {
      Frame frame = source.iterator(List.of("city", "price")).next();
      assertThat(frame.names()).containsExactly("city", "price");
      assertThat(Rows.of(frame)).containsExactly(row("paris", 1.5), row("lyon", null), row("paris", -2.25),
          row(null, 1e300));
    }
  }

  /** Record batches of 4 rows cut into frames of 3: frames cross batch boundaries and lose no row. */
  @ParameterizedTest
  @EnumSource(value = CompressionUtil.CodecType.class, names = {"NO_COMPRESSION", "LZ4_FRAME", "ZSTD"})
  void framesCrossRecordBatchesInEveryCompression(CompressionUtil.CodecType codec) throws IOException {
    Path file = writeBatches(dir.resolve("numbers.feather"), codec, false, 5, 4);
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults())) {
      assertThat(source.knownRows()).hasValue(20); // the footer's five batches of four, before reading
    }
    List<List<Object>> rows = readAll(file, 3);
    assertThat(rows).hasSize(20);
    for (int i = 0; i < 20; i++) {
      assertThat(rows.get(i)).isEqualTo(expectedRow(i));
    }
  }

  /**
   * Numbers and text are copied a frame's slice of a batch at a time, with the nulls read off the validity
   * bitmap: slices starting and ending inside a bitmap byte, over a batch of 100 rows with nulls in every column,
   * put each null on its own row.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 64, 100})
  void nullsStayOnTheirRowsWhereverFramesCutABatch(int frameRows) throws IOException {
    Path file = writeBatches(dir.resolve("nulls.arrow"), CompressionUtil.CodecType.NO_COMPRESSION, false, 1, 100);
    List<List<Object>> rows = readAll(file, frameRows);
    assertThat(rows).hasSize(100);
    for (int i = 0; i < 100; i++) {
      assertThat(rows.get(i)).as("row %d", i).isEqualTo(expectedRow(i));
    }
  }

  @Test
  void readsTheStreamFormat() throws IOException {
    Path file = writeBatches(dir.resolve("numbers.arrows"), CompressionUtil.CodecType.ZSTD, true, 3, 2);
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults())) {
      assertThat(source.knownRows()).isEmpty(); // a stream has no footer to count from
    }
    List<List<Object>> rows = readAll(file, 4);
    assertThat(rows).hasSize(6).element(5).isEqualTo(expectedRow(5));
  }

  /**
   * Text as a view (polars' newest IPC format): short values inline, long ones in a data buffer; and a column of
   * Arrow's null type, which has no values (what pandas writes for a column of only None); and timestamps without
   * a time zone, always with seconds.
   */
  @Test
  void readsTextViewsColumnsWithoutValuesAndLocalTimestamps() throws IOException {
    Path file = dir.resolve("views.arrow");
    try (BufferAllocator allocator = new RootAllocator();
        ViewVarCharVector text = new ViewVarCharVector("text", allocator);
        NullVector nothing = new NullVector("nothing", 3);
        TimeStampMilliVector at = new TimeStampMilliVector("at", allocator)) {
      text.allocateNew(3);
      text.setSafe(0, "inline".getBytes(StandardCharsets.UTF_8));
      text.setNull(1);
      text.setSafe(2, "longer than the twelve inline bytes".getBytes(StandardCharsets.UTF_8));
      text.setValueCount(3);
      at.allocateNew(3);
      at.set(0, 0);
      at.set(1, 1_500);
      at.set(2, -60_000);
      at.setValueCount(3);
      VectorSchemaRoot root = VectorSchemaRoot.of(text, nothing, at);
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(root, null, out)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    }
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults())) {
      assertThat(source.schema()).containsExactly(new Field("text", ColumnType.STRING),
          new Field("nothing", ColumnType.STRING), new Field("at", ColumnType.STRING));
      assertThat(Rows.of(source.readAll())).containsExactly(row("inline", null, "1970-01-01T00:00:00"),
          row(null, null, "1970-01-01T00:00:01.5"), row("longer than the twelve inline bytes", null,
              "1969-12-31T23:59:00"));
    }
  }

  /** Every integer and real vector type, at values where signed and unsigned readings differ. */
  @Test
  void readsEveryNumericVectorType() throws IOException {
    Path file = dir.resolve("numbers.arrow");
    try (BufferAllocator allocator = new RootAllocator();
        TinyIntVector int8 = new TinyIntVector("int8", allocator);
        SmallIntVector int16 = new SmallIntVector("int16", allocator);
        IntVector int32 = new IntVector("int32", allocator);
        BigIntVector int64 = new BigIntVector("int64", allocator);
        UInt1Vector uint8 = new UInt1Vector("uint8", allocator);
        UInt2Vector uint16 = new UInt2Vector("uint16", allocator);
        UInt4Vector uint32 = new UInt4Vector("uint32", allocator);
        Float2Vector float16 = new Float2Vector("float16", allocator);
        Float4Vector float32 = new Float4Vector("float32", allocator);
        Float8Vector float64 = new Float8Vector("float64", allocator);
        DecimalVector decimal = new DecimalVector("decimal", allocator, 10, 2);
        Decimal256Vector decimal256 = new Decimal256Vector("decimal256", allocator, 40, 1)) {
      VectorSchemaRoot root = VectorSchemaRoot.of(int8, int16, int32, int64, uint8, uint16, uint32, float16,
          float32, float64, decimal, decimal256);
      root.allocateNew();
      int8.set(0, -5);
      int16.set(0, -300);
      int32.set(0, -70_000);
      int64.set(0, -5_000_000_000L);
      uint8.set(0, (byte) 0xFF);
      uint16.set(0, (char) 0xFFFF);
      uint32.set(0, 0xFFFFFFFF);
      float16.set(0, (short) 0xB800); // -0.5 as a half float
      float32.set(0, 1.25f);
      float64.set(0, -2.5e300);
      decimal.set(0, new BigDecimal("-12.34"));
      decimal256.set(0, new BigDecimal("7.5"));
      root.getFieldVectors().forEach(v -> v.setNull(1));
      root.setRowCount(2);
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(root, null, out)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    }
    List<List<Object>> rows;
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults())) {
      rows = Rows.of(source.readAll());
    }
    assertThat(rows).containsExactly(
        row(-5L, -300L, -70_000L, -5_000_000_000L, 255L, 65_535L, 4_294_967_295L, -0.5, 1.25, -2.5e300, -12.34, 7.5),
        row(null, null, null, null, null, null, null, null, null, null, null, null));
  }

  @Test
  void refusesAColumnOfATypeWithNoColumnTypeNamingIt() throws IOException {
    Path file = dir.resolve("ids.arrow");
    try (BufferAllocator allocator = new RootAllocator(); UInt8Vector ids = new UInt8Vector("id", allocator)) {
      ids.allocateNew(1);
      ids.set(0, -1L); // 2^64 - 1
      ids.setValueCount(1);
      VectorSchemaRoot root = VectorSchemaRoot.of(ids);
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(root, null, out)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    }
    assertThatThrownBy(() -> DataSources.open(file.toString(), SourceOptions.defaults()))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("the column 'id' (Int(64, false)) cannot be read")
        .hasMessageContaining("cast or drop such columns");
  }

  @Test
  void saysWhatIsWrongWithFilesThatAreNotArrow() throws IOException {
    Path text = Rows.write(dir, "data.arrow", "a,b\n1,2\n");
    assertThatThrownBy(() -> DataSources.open(text.toString(), SourceOptions.defaults()))
        .isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(text + " is not an Arrow IPC file or stream");
    byte[] bigLength = {0x7f, 0x7f, 0x7f, 0x7f, 1, 2, 3, 4}; // as a message length: 2 GiB
    Path binary = Rows.write(dir, "data.arrows", bigLength);
    assertThatThrownBy(() -> DataSources.open(binary.toString(), SourceOptions.defaults()))
        .hasMessage(binary + " is not an Arrow IPC file or stream (it starts with neither ARROW1 nor a stream's "
            + "0xFFFFFFFF); write it with pyarrow.feather.write_feather, pandas' to_feather or polars' write_ipc");
    Path featherV1 = Rows.write(dir, "old.feather", "FEA1\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> DataSources.open(featherV1.toString(), SourceOptions.defaults()))
        .hasMessage(featherV1 + " is a Feather version 1 file, which is not read; write it again as Feather "
            + "version 2 (pyarrow.feather.write_feather, pandas' to_feather since 1.1)");
  }

  @Test
  void aTruncatedFileFailsTheReadNamingTheFile() throws IOException {
    Path whole = writeBatches(dir.resolve("whole.arrows"), CompressionUtil.CodecType.NO_COMPRESSION, true, 4, 100);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Rows.write(dir, "cut.arrows", Arrays.copyOf(bytes, bytes.length * 2 / 3));
    assertThatThrownBy(() -> readAll(cut, 100))
        .isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(cut + ": reading failed")
        .hasMessageContaining("the file is truncated or damaged");
  }

  private static List<Object> expectedRow(int i) {
    return row(i % 7 == 3 ? null : i * 0.5, i % 5 == 1 ? null : (long) i * 1_000_000_007L,
        i % 11 == 6 ? null : "name-" + (i % 3), i % 4 == 2 ? null : i % 3 == 0,
        i % 9 == 4 ? null : (double) (i * -0.75f), i % 8 == 5 ? null : (long) (i * -70_001));
  }

  /** {@code batches} record batches of {@code rows} rows each, row i as {@link #expectedRow}, written by Arrow Java. */
  private static Path writeBatches(Path file, CompressionUtil.CodecType codec, boolean stream, int batches,
      int rows) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        Float8Vector x = new Float8Vector("x", allocator);
        BigIntVector n = new BigIntVector("n", allocator);
        LargeVarCharVector name = new LargeVarCharVector("name", allocator);
        BitVector flag = new BitVector("flag", allocator);
        Float4Vector single = new Float4Vector("single", allocator);
        IntVector int32 = new IntVector("int32", allocator);
        FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      VectorSchemaRoot root = VectorSchemaRoot.of(x, n, name, flag, single, int32);
      CompressionCodec.Factory codecs = codec == CompressionUtil.CodecType.NO_COMPRESSION
          ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
      try (var writer = stream ? new ArrowStreamWriter(root, null, out, IpcOption.DEFAULT, codecs, codec)
          : new ArrowFileWriter(root, null, out, Map.of(), IpcOption.DEFAULT, codecs, codec)) {
        writer.start();
        for (int b = 0; b < batches; b++) {
          root.allocateNew();
          for (int r = 0; r < rows; r++) {
            List<Object> values = expectedRow(b * rows + r);
            for (int c = 0; c < values.size(); c++) {
              set(root.getVector(c), r, values.get(c));
            }
          }
          root.setRowCount(rows);
          writer.writeBatch();
        }
        writer.end();
      }
    }
    return file;
  }

  /** Sets row {@code row} of one of {@link #writeBatches}'s vectors to {@code value}, or to null. */
  private static void set(FieldVector vector, int row, Object value) {
    if (value == null) {
      vector.setNull(row);
    } else if (vector instanceof Float8Vector v) {
      v.set(row, (Double) value);
    } else if (vector instanceof Float4Vector v) {
      v.set(row, (float) (double) (Double) value);
    } else if (vector instanceof BigIntVector v) {
      v.set(row, (Long) value);
    } else if (vector instanceof IntVector v) {
      v.set(row, Math.toIntExact((Long) value));
    } else if (vector instanceof BitVector v) {
      v.set(row, (Boolean) value ? 1 : 0);
    } else {
      ((LargeVarCharVector) vector).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static List<List<Object>> readAll(Path file, int batchRows) {
    List<List<Object>> rows = new ArrayList<>();
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults().withBatchRows(batchRows))) {
      assertThat(source.schema()).containsExactly(new Field("x", ColumnType.FLOAT64),
          new Field("n", ColumnType.INT64), new Field("name", ColumnType.STRING), new Field("flag", ColumnType.BOOL),
          new Field("single", ColumnType.FLOAT64), new Field("int32", ColumnType.INT64));
      source.forEach(frame -> rows.addAll(Rows.of(frame)));
    }
    return rows;
  }

  private Path copyFixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/arrow/" + name)) {
      return Rows.write(dir, name, in.readAllBytes());
    }
  }
}
