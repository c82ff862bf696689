package io.prodline.data.source.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.BatchIterator;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.source.chunk.ChunkSplitter;
import io.prodline.data.source.chunk.OrderedChunkParsing;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON-lines file (also called NDJSON): one JSON object per line, as {@link Frame} batches; a few
 * batches are held at a time (one per parsing thread, and one more), whatever the file's size.
 *
 * <p><b>Format.</b> UTF-8 (a byte order mark is dropped), lines end with LF or CRLF, blank lines are skipped.
 * Each line is one object; its keys are the columns. A key the object lacks, and a JSON {@code null}, are
 * missing values.
 *
 * <p><b>Types.</b> Unless a schema is declared, the columns are the keys of the first {@code sampleRows} lines
 * (in order of first appearance), typed as {@link JsonTypeGuess} says: int64, float64, bool or string.
 * Nested objects and arrays are kept, not refused: their column is string and holds their compact JSON text,
 * so no data is lost and the statistics still see them as values. A later value of another kind is a bad
 * record, except that a number or boolean in a string column is kept as its JSON text, and a float that holds
 * an exact integer (such as {@code 3.0}) fits int64.
 *
 * <p><b>Reading.</b> The calling thread cuts the file into chunks of {@code batchRows} lines (at most
 * {@code batchBytes}, 8 MiB by default); a pool of threads (one per processor unless
 * {@link SourceOptions#withThreads} says otherwise) parses them, and the batches come back in file order, bad
 * records counted in order, exactly as from one thread (see {@link OrderedChunkParsing}). The type-inference sample is read
 * first, and read again as data.
 *
 * <p><b>Errors.</b> A line that is not one JSON object (for example cut short), has invalid UTF-8, a key that is
 * not a column, or a value that does not fit is a bad record: a {@link io.prodline.core.error.DataFormatException} whose message starts
 * with {@code file:line}, or, under a skip policy, a row left out and counted in {@link #badRecords()}.
 */
public final class JsonLinesSource implements DataSource {
  /** Numbers by Jackson's fast parser: the same doubles as {@link Double#parseDouble}, in less time. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private final Path file;
  private final String source;
  private final List<Field> schema;
  private final RowParser parser;
  private final BadRecords badRecords;
  private final int batchRows;
  private final int threads;
  private final int chunkBytes;
  private OrderedChunkParsing chunks;
  private boolean closed;

  private JsonLinesSource(Path file, SourceOptions options, BadRecords badRecords) {
    this.file = file;
    this.source = file.toString();
    this.badRecords = badRecords;
    this.batchRows = options.batchRows();
    this.threads = options.threads();
    this.chunkBytes = options.batchBytes();
    Set<String> inferred = new HashSet<>();
    try (ChunkSplitter sample = splitter()) {
      this.schema = new JsonSchemaResolver(JSON, options).resolve(source, sample, inferred);
    }
    this.parser = new RowParser(source, JSON, schema, inferred, options.sampleRows());
  }

  /** Opens a file and reads the type-inference sample, unless a schema is declared. */
  public static JsonLinesSource open(Path file, SourceOptions options) {
    return open(file, options, new BadRecords(options.badRecords()));
  }

  /** Opens a file that counts its skipped records into {@code badRecords}, which several files can share. */
  public static JsonLinesSource open(Path file, SourceOptions options, BadRecords badRecords) {
    return new JsonLinesSource(file, options, badRecords);
  }

  /** A splitter of the file from its start. */
  private ChunkSplitter splitter() {
    return ChunkSplitter.open(file, ChunkSplitter.DEFAULT_BLOCK_BYTES, 0, new LineEnds());
  }

  @Override
  public List<Field> schema() {
    return schema;
  }

  @Override
  public BadRecords badRecords() {
    return badRecords;
  }

  /** The batches of up to {@code batchRows} rows each; may be called once, and not after {@link #readAll()}. */
  @Override
  public Iterator<Frame> iterator() {
    if (chunks != null || closed) {
      throw new IllegalStateException("a JsonLinesSource reads its file once, until it is closed; open a new one"
          + " to read it again");
    }
    chunks = new OrderedChunkParsing(splitter(), batchRows, chunkBytes, parser::parse, threads, "jsonl");
    return new BatchIterator(() -> chunks.nextBatch(badRecords));
  }

  /** Stops the parsing threads and closes the file. */
  @Override
  public void close() {
    closed = true;
    if (chunks != null) {
      chunks.close();
    }
  }
}
