import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;

/**
 * Writes a CSV as an Arrow IPC file (Feather v2) with the column types prodline infers, in record batches of 65,536
 * rows as pyarrow's Feather writer makes them, uncompressed or LZ4- or Zstandard-compressed (pandas' to_feather
 * defaults to LZ4). The batch prediction benchmark's Arrow input.
 *
 * <p>java --add-opens=java.base/java.nio=ALL-UNNAMED -cp 'prodline-app/target/dist/lib/*'
 * bench/predict/CsvToArrow.java INPUT.csv OUTPUT.arrow [none|lz4|zstd]
 */
public class CsvToArrow {
  private static final int BATCH_ROWS = 65_536;

  public static void main(String[] args) throws Exception {
    CompressionUtil.CodecType codec = switch (args.length > 2 ? args[2] : "none") {
      case "lz4" -> CompressionUtil.CodecType.LZ4_FRAME;
      case "zstd" -> CompressionUtil.CodecType.ZSTD;
      default -> CompressionUtil.CodecType.NO_COMPRESSION;
    };
    CompressionCodec.Factory codecs = codec == CompressionUtil.CodecType.NO_COMPRESSION
        ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
    try (DataSource source = DataSources.open(args[0], SourceOptions.defaults().withBatchRows(BATCH_ROWS));
        BufferAllocator allocator = new RootAllocator()) {
      List<FieldVector> vectors = new ArrayList<>();
      for (Field field : source.schema()) {
        vectors.add(switch (field.type()) {
          case FLOAT64 -> new Float8Vector(field.name(), allocator);
          case INT64 -> new BigIntVector(field.name(), allocator);
          case BOOL -> new BitVector(field.name(), allocator);
          case STRING -> new VarCharVector(field.name(), allocator);
        });
      }
      long rows = 0;
      try (VectorSchemaRoot root = new VectorSchemaRoot(vectors);
          FileChannel out = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(root, null, out, Map.of(), IpcOption.DEFAULT, codecs, codec)) {
        writer.start();
        for (Frame frame : source) {
          for (int c = 0; c < frame.columnCount(); c++) {
            vectors.get(c).setInitialCapacity(frame.rowCount()); // so that setNull, which never grows, fits
            vectors.get(c).allocateNew();
            copy(frame.column(c), vectors.get(c));
          }
          root.setRowCount(frame.rowCount());
          writer.writeBatch();
          rows += frame.rowCount();
        }
        writer.end();
      }
      System.out.println("wrote " + rows + " rows to " + args[1] + " (" + codec + ")");
    }
  }

  private static void copy(Column column, FieldVector vector) {
    for (int r = 0; r < column.size(); r++) {
      if (column.isNull(r)) {
        vector.setNull(r);
      } else if (column instanceof Float64Column c) {
        ((Float8Vector) vector).setSafe(r, c.value(r));
      } else if (column instanceof Int64Column c) {
        ((BigIntVector) vector).setSafe(r, c.value(r));
      } else if (column instanceof BoolColumn c) {
        ((BitVector) vector).setSafe(r, c.value(r) ? 1 : 0);
      } else {
        ((VarCharVector) vector).setSafe(r, ((StringColumn) column).value(r).getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
