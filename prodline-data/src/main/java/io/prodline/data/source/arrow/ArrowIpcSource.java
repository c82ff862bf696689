package io.prodline.data.source.arrow;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.BatchIterator;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.SourceOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Reads an Arrow IPC file ({@code .arrow}, {@code .feather}: Feather v2, what pandas' {@code to_feather}, polars'
 * {@code write_ipc} and pyarrow write) or an Arrow IPC stream ({@code .arrows}, as Arrow has written them since 0.15),
 * uncompressed or compressed with LZ4 or Zstandard, as frames ({@link ArrowFrames}, which also lists the types
 * read). The values are in the file's binary form, so reading them is a copy: no text is parsed, which makes it the
 * cheapest input for batch prediction.
 *
 * <p>The schema is the file's; declared types and the sample size do not apply. A column of a type that has no
 * column type is refused when the file is opened, naming it. Every record batch is decoded whole, whichever
 * columns are asked for.
 */
public final class ArrowIpcSource implements DataSource {
  private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FEATHER_V1_MAGIC = "FEA1".getBytes(StandardCharsets.US_ASCII);
  /**
   * The continuation marker every message of a stream starts with (since Arrow 0.15, 2019). Streams without it
   * are not read: their first bytes would be taken as a message length, and any other file's bytes as one of up to
   * 2 GiB, allocated before the read finds out.
   */
  private static final byte[] STREAM_MAGIC = {-1, -1, -1, -1};

  private final String source;
  private final BufferAllocator allocator;
  private final ArrowReader reader;
  /** The file the reader reads, for counting its rows. */
  private final FileChannel channel;
  private final List<Field> schema;
  private final int batchRows;
  private final BadRecords badRecords;
  /** A file's rows, counted when first asked; null until then. */
  private OptionalLong rows;
  private boolean read;

  private ArrowIpcSource(String source, BufferAllocator allocator, ArrowReader reader, FileChannel channel,
      List<Field> schema, int batchRows, BadRecords badRecords) {
    this.source = source;
    this.allocator = allocator;
    this.reader = reader;
    this.channel = channel;
    this.schema = schema;
    this.batchRows = batchRows;
    this.badRecords = badRecords;
  }

  /** Opens a file and reads its schema; {@code badRecords} is what several files share (this one adds none). */
  /** The rows of {@code files} together, from their footers; empty when one has none (a stream). */
  public static OptionalLong countRows(List<Path> files) {
    long total = 0;
    for (Path file : files) {
      try (ArrowIpcSource source = open(file, SourceOptions.defaults(), new BadRecords(BadRecordPolicy.FAIL))) {
        OptionalLong rows = source.knownRows();
        if (rows.isEmpty()) {
          return rows;
        }
        total += rows.getAsLong();
      }
    }
    return OptionalLong.of(total);
  }

  public static ArrowIpcSource open(Path file, SourceOptions options, BadRecords badRecords) {
    String source = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ProdlineException(source + ": no such file");
    }
    if (!ArrowMemory.available()) {
      throw new ProdlineException(source + ": Arrow files need Arrow's memory, which this JVM closes; "
          + ArrowMemory.HOW_TO_ENABLE);
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot be read: " + e.getMessage(), e);
    }
    BufferAllocator allocator = new RootAllocator();
    ArrowReader reader = null;
    try {
      ByteBuffer head = ByteBuffer.allocate(FILE_MAGIC.length);
      channel.read(head, 0);
      head.flip();
      if (startsWith(head, FEATHER_V1_MAGIC)) {
        throw new ProdlineException(source + " is a Feather version 1 file, which is not read; write it again "
            + "as Feather version 2 (pyarrow.feather.write_feather, pandas' to_feather since 1.1)");
      }
      if (startsWith(head, FILE_MAGIC)) {
        reader = new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE);
      } else if (startsWith(head, STREAM_MAGIC)) {
        reader = new ArrowStreamReader(Channels.newInputStream(channel), allocator,
            CommonsCompressionFactory.INSTANCE);
      } else {
        throw new IOException("it starts with neither ARROW1 nor a stream's 0xFFFFFFFF");
      }
      List<Field> schema = schema(source, reader);
      return new ArrowIpcSource(source, allocator, reader, channel, schema, options.batchRows(), badRecords);
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader, channel, allocator);
      if (e instanceof ProdlineException known) {
        throw known;
      }
      throw new ProdlineException(source + " is not an Arrow IPC file or stream (" + e.getMessage() + "); write "
          + "it with pyarrow.feather.write_feather, pandas' to_feather or polars' write_ipc", e);
    }
  }

  /** The columns, each of the type {@link ArrowFrames#columnType} maps it to; every column it cannot is named. */
  private static List<Field> schema(String source, ArrowReader reader) throws IOException {
    List<Field> fields = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (org.apache.arrow.vector.types.pojo.Field field : reader.getVectorSchemaRoot().getSchema().getFields()) {
      ColumnType type = ArrowFrames.columnType(field, reader);
      if (type == null) {
        unreadable.add("'" + field.getName() + "' (" + describe(field, reader) + ")");
      } else {
        fields.add(new Field(field.getName(), type));
      }
    }
    if (!unreadable.isEmpty()) {
      throw new ProdlineException(source + ": the column" + (unreadable.size() == 1 ? " " : "s ")
          + String.join(", ", unreadable) + " cannot be read: the types read are bool, integers (not uint64), "
          + "floats, decimals, text (also dictionary-encoded), dates and timestamps; cast or drop such columns "
          + "when writing the file");
    }
    return List.copyOf(fields);
  }

  /**
   * A file's rows: the footer lists its record batches, and each batch's metadata, read without its body, says its
   * length. The reader positions the file itself before each batch it loads, so reading here, at any time, is
   * harmless.
   */
  private static long rows(ArrowFileReader file, FileChannel channel) throws IOException {
    long rows = 0;
    for (ArrowBlock block : file.getRecordBlocks()) {
      channel.position(block.getOffset());
      MessageMetadataResult metadata = MessageSerializer.readMessage(new ReadChannel(channel));
      if (metadata == null || metadata.headerType() != MessageHeader.RecordBatch) {
        throw new IOException("the footer lists a record batch at byte " + block.getOffset() + " that is not one");
      }
      rows += ((RecordBatch) metadata.getMessage().header(new RecordBatch())).length();
    }
    return rows;
  }

  private static String describe(org.apache.arrow.vector.types.pojo.Field field, ArrowReader reader) {
    if (field.getDictionary() == null) {
      return field.getType().toString();
    }
    return "dictionary of " + reader.lookup(field.getDictionary().getId()).getVector().getField().getType();
  }

  private static boolean startsWith(ByteBuffer head, byte[] magic) {
    return head.remaining() >= magic.length && head.slice(0, magic.length).equals(ByteBuffer.wrap(magic));
  }

  @Override
  public List<Field> schema() {
    return schema;
  }

  /**
   * A file's rows, from its metadata, read at the first call (not at open: a reader that never asks, such as the
   * statistics, does not pay for a read per record batch); a stream has no footer, and is not counted.
   */
  @Override
  public OptionalLong knownRows() {
    if (rows == null) {
      try {
        rows = reader instanceof ArrowFileReader file ? OptionalLong.of(rows(file, channel)) : OptionalLong.empty();
      } catch (IOException e) {
        throw new ProdlineException(source + ": its footer lists record batches that cannot be read: "
            + e.getMessage() + "; the file is truncated or damaged, write it again", e);
      }
    }
    return rows;
  }

  @Override
  public BadRecords badRecords() {
    return badRecords; // every value of a type read fits its column: nothing is ever skipped
  }

  @Override
  public Iterator<Frame> iterator() {
    return iterator(schema.stream().map(Field::name).toList());
  }

  @Override
  public Iterator<Frame> iterator(List<String> columns) {
    if (read) {
      throw new IllegalStateException(source + " is read once");
    }
    read = true;
    int[] vectors = DataSource.positions(schema, columns);
    List<Field> fields = Arrays.stream(vectors).mapToObj(schema::get).toList();
    ArrowFrames frames = new ArrowFrames(source, reader, fields, vectors, batchRows);
    return new BatchIterator(frames::next);
  }

  @Override
  public void close() {
    try {
      reader.close(); // also closes the file
      allocator.close();
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot close: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(ArrowReader reader, FileChannel channel, BufferAllocator allocator) {
    try {
      if (reader != null) {
        reader.close();
      }
      channel.close();
      allocator.close();
    } catch (IOException | RuntimeException ignored) {
      // the error that got here is the one to report
    }
  }
}
