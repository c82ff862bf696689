package io.prodline.data.source.arrow;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;

/**
 * Writes frames as an Arrow IPC file (Feather version 2), one record batch per frame, which pandas
 * ({@code read_feather}), polars, pyarrow, DuckDB and {@link ArrowIpcSource} read. Column types map as
 * {@link ArrowFrames} reads them back: float64 (or float32 for the columns named so), int64, bool, utf8.
 */
public final class ArrowIpcWriter implements AutoCloseable {
  /**
   * How record batches are compressed; Zstandard suits files kept, none files read at once. LZ4, which files are
   * read in, is not written: Arrow Java compresses it through commons-compress, whose LZ4 compressor stayed over five
   * minutes in one record batch of the batch prediction benchmark's 30-column file.
   */
  public enum Compression {
    NONE(CompressionUtil.CodecType.NO_COMPRESSION),
    ZSTD(CompressionUtil.CodecType.ZSTD);

    private final CompressionUtil.CodecType codec;

    Compression(CompressionUtil.CodecType codec) {
      this.codec = codec;
    }
  }

  private final BufferAllocator allocator = new RootAllocator();
  private final List<FieldVector> vectors = new ArrayList<>();
  private final VectorSchemaRoot root;
  private final ArrowFileWriter writer;

  /**
   * Starts a file on {@code out}, which {@link #close()} closes, with the columns {@code fields}.
   *
   * @param singlePrecision float64 columns written as float32, such as a model's outputs, which are floats
   */
  public ArrowIpcWriter(WritableByteChannel out, List<Field> fields, Set<String> singlePrecision,
      Compression compression) throws IOException {
    for (Field field : fields) {
      vectors.add(switch (field.type()) {
        case FLOAT64 -> singlePrecision.contains(field.name()) ? new Float4Vector(field.name(), allocator)
            : new Float8Vector(field.name(), allocator);
        case INT64 -> new BigIntVector(field.name(), allocator);
        case BOOL -> new BitVector(field.name(), allocator);
        case STRING -> new VarCharVector(field.name(), allocator);
      });
    }
    root = new VectorSchemaRoot(vectors);
    CompressionCodec.Factory codecs = compression == Compression.NONE ? NoCompressionCodec.Factory.INSTANCE
        : CommonsCompressionFactory.INSTANCE;
    writer = new ArrowFileWriter(root, null, out, Map.of(), IpcOption.DEFAULT, codecs, compression.codec);
    writer.start();
  }

  /** Writes {@code frame}, whose columns are those given at the start, as one record batch. */
  public void write(Frame frame) throws IOException {
    int rows = frame.rowCount();
    for (int c = 0; c < vectors.size(); c++) {
      FieldVector vector = vectors.get(c);
      vector.clear();
      vector.setInitialCapacity(rows); // setNull never grows a vector: room for every row first
      vector.allocateNew();
      copy(frame.column(c), vector, rows);
      vector.setValueCount(rows);
    }
    root.setRowCount(rows);
    writer.writeBatch();
  }

  /**
   * Copies a column into its vector: numbers in one bulk copy and a validity bitmap set a byte at a time, text from
   * each distinct value's UTF-8 encoded once.
   */
  private static void copy(Column column, FieldVector vector, int rows) {
    if (vector instanceof Float8Vector v) {
      ((Float64Column) column).copyTo(ArrowBuffers.values(v, 0, rows).asDoubleBuffer());
      markPresent(column, v, rows);
    } else if (vector instanceof Float4Vector v) {
      float[] floats = new float[rows];
      column.writeFloats(floats, 0, 1);
      ArrowBuffers.values(v, 0, rows).asFloatBuffer().put(floats);
      markPresent(column, v, rows);
    } else if (vector instanceof BigIntVector v) {
      ((Int64Column) column).copyTo(ArrowBuffers.values(v, 0, rows).asLongBuffer());
      markPresent(column, v, rows);
    } else if (vector instanceof BitVector v) {
      BoolColumn bools = (BoolColumn) column;
      for (int r = 0; r < rows; r++) {
        if (bools.isNull(r)) {
          v.setNull(r);
        } else {
          v.set(r, bools.value(r) ? 1 : 0);
        }
      }
    } else {
      StringColumn strings = (StringColumn) column;
      byte[][] utf8 = new byte[strings.dictionarySize()][];
      VarCharVector texts = (VarCharVector) vector;
      for (int r = 0; r < rows; r++) {
        int code = strings.code(r);
        if (code < 0) {
          texts.setNull(r);
        } else {
          if (utf8[code] == null) {
            utf8[code] = strings.dictionaryValue(code).getBytes(StandardCharsets.UTF_8);
          }
          texts.setSafe(r, utf8[code]);
        }
      }
    }
  }

  /** Sets the validity bit of every row of {@code column} that is not null, in a freshly allocated (zeroed) vector. */
  private static void markPresent(Column column, BaseFixedWidthVector vector, int rows) {
    ArrowBuf validity = vector.getValidityBuffer();
    validity.setOne(0L, (long) (rows >>> 3));
    for (int r = rows & ~7; r < rows; r++) {
      BitVectorHelper.setBit(validity, r);
    }
    if (column.nullCount() > 0) {
      for (int r = 0; r < rows; r++) {
        if (column.isNull(r)) {
          BitVectorHelper.unsetBit(validity, r);
        }
      }
    }
  }

  /**
   * Ends the file (its footer lists the record batches: a file without it cannot be read as a file) and closes the
   * channel.
   */
  @Override
  public void close() {
    try (allocator; root) {
      writer.close(); // a failure to write the footer comes as a RuntimeException around the IOException
    }
  }
}
