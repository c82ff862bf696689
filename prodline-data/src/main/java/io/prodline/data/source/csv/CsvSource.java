package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.BatchIterator;
import io.prodline.data.source.Closing;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.chunk.Chunk;
import io.prodline.data.source.chunk.ChunkSplitter;
import io.prodline.data.source.chunk.OrderedChunkParsing;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads a CSV file as a stream of {@link Frame} batches, so files larger than memory can be processed; only
 * one batch (plus the type-inference sample) is held at a time.
 *
 * <p><b>Format.</b> UTF-8 (a byte order mark is dropped; invalid bytes are an error), RFC 4180: comma
 * separated, a header row naming the columns (non-blank, distinct), fields optionally quoted with {@code "} so
 * they may hold commas and line breaks, a quote inside a quoted field written twice, LF, CRLF or CR line ends.
 * Every row must have as many fields as the header. Blank lines are skipped, so in a one-column file a missing
 * value must be written as {@code ""}.
 *
 * <p><b>Missing values.</b> An empty cell, quoted or not, is missing (null) in every column type, and so is any
 * of the {@linkplain CsvOptions#nullTokens() null tokens} (none by default).
 *
 * <p><b>Types.</b> Columns without a declared type get one from the non-missing cells of the first
 * {@linkplain CsvOptions#sampleRows() sample rows} (10,000 by default):
 * <ol>
 *   <li>int64 if every cell is a 64-bit integer (optional sign, digits);
 *   <li>else float64 if every cell is a number: decimal with optional sign, fraction and exponent, or in any
 *       letter case NaN, Inf, Infinity, -Inf, -Infinity (and +Inf, +Infinity);
 *   <li>else bool if every cell is true or false, in any letter case;
 *   <li>else string. A column with no value in the sample is string.
 * </ol>
 * A later value that does not fit its column's type is an error, never a silent conversion: declare such a
 * column's type ({@link CsvOptions#withTypes}, {@link CsvOptions#withSchema}) or enlarge the sample.
 *
 * <p><b>Bad records.</b> A row with the wrong number of fields, a value that does not fit its column or bytes
 * that are not UTF-8 fails the read, or, under {@link io.prodline.data.source.BadRecordPolicy#skipAndCount}, is
 * left out whole and counted in {@link #badRecords()}; the batch it was in is then that much shorter. Damage
 * that leaves no row to resume at (an unclosed quote, text after a closing quote) always fails.
 *
 * <p><b>Parallel parsing.</b> The file is cut into chunks of {@code batchRows} whole records (fewer when they
 * would exceed {@linkplain CsvOptions#batchBytes() batchBytes}) by a quote-aware
 * scan of its bytes (see {@link BoundaryScanner}); {@linkplain CsvOptions#threads() several threads} parse
 * chunks into batches straight from the bytes, and the batches, bad records and errors come out in file order,
 * exactly as from one thread. Memory holds a few batches at a time, whatever the file size.
 *
 * <p><b>Some columns.</b> Read through {@link #iterator(List)}, only the named columns are parsed: the fields of
 * the others are split off (every record must still have as many fields as the header) and never converted, so
 * a value in one of them that does not fit its inferred type is no error.
 *
 * <p><b>Errors.</b> Bad input is a {@link io.prodline.core.error.DataFormatException} whose message starts with
 * {@code file:line} (the 1-based physical line, counting the header and line breaks inside quoted fields) and
 * says what is wrong and how to fix it. A file that cannot be read is a {@link ProdlineException}.
 *
 * <p><b>Use.</b> A source reads its file once: iterate it (once), or call {@link #readAll()}; close it after.
 * <pre>{@code
 * try (CsvSource csv = CsvSource.open(path)) {
 *   for (Frame batch : csv) { ... }
 * }
 * }</pre>
 * Like {@link java.nio.file.DirectoryStream}, it is an {@link Iterable} only to allow the for-each loop.
 */
public final class CsvSource implements DataSource {
  private final String source;
  private final Path file;
  private final CsvOptions options;
  private final BadRecords badRecords;
  private final int blockBytes;
  private final List<Field> schema;
  private final List<String> warnings;
  private final ChunkParser parser;
  /** Where the data rows start, after the header: file offset, physical line and whether a CR came just before. */
  private final long dataOffset;
  private final long dataLine;
  private final boolean dataAfterCr;
  /** The file, still open after the header, when no sample was read past it; null once handed to the reading. */
  private ChunkSplitter opened;
  private OrderedChunkParsing chunks;
  private boolean started;

  private CsvSource(Path file, CsvOptions options, BadRecords badRecords, int blockBytes, ChunkSplitter splitter) {
    this.source = file.toString();
    this.file = file;
    this.options = options;
    this.badRecords = badRecords;
    this.blockBytes = blockBytes;
    Chunk headerChunk = splitter.next(1, Integer.MAX_VALUE);
    if (headerChunk == null) {
      throw new DataFormatException(source, "the file is empty; expected a header row naming the columns");
    }
    RecordTokenizer headerRecord = new RecordTokenizer(source, headerChunk);
    headerRecord.next();
    TextRecord header = new TextRecord(headerRecord.line(), headerRecord.texts());
    this.dataOffset = splitter.position();
    this.dataLine = splitter.line();
    this.dataAfterCr = splitter.afterCr();
    this.opened = splitter;
    List<ResolvedColumn> columns = new SchemaResolver(source, options, header.line())
        .resolve(HeaderNames.of(source, header), () -> readSample(splitter));
    if (opened == null) {
      splitter.close(); // it read the sample; the data is read again from a fresh stream
    }
    this.schema = columns.stream().map(ResolvedColumn::field).toList();
    this.warnings = columns.stream().map(ResolvedColumn::inferenceNote).filter(Objects::nonNull).toList();
    this.parser = new ChunkParser(source, options, columns);
  }

  /**
   * The first {@code sampleRows} records after the header, read on from the header's stream; the data is read
   * again from a fresh stream at {@link #dataOffset}, so the sample records need not be kept.
   */
  private Iterator<TextRecord> readSample(ChunkSplitter splitter) {
    opened = null;
    return new SampleRecords(source, splitter, options.sampleRows(), options.batchBytes());
  }

  /** Opens a file with the default options; reads the header and the type-inference sample. */
  public static CsvSource open(Path file) {
    return open(file, CsvOptions.defaults());
  }

  /** Opens a file; reads the header and, unless every column's type is declared, the inference sample. */
  public static CsvSource open(Path file, CsvOptions options) {
    return open(file, options, new BadRecords(options.badRecords()));
  }

  /**
   * Opens a file that counts its skipped records into {@code badRecords}, which several files can share so
   * that the policy's cap holds for all of them together; the options' own policy is then not used.
   */
  public static CsvSource open(Path file, CsvOptions options, BadRecords badRecords) {
    return open(file, options, badRecords, ChunkSplitter.DEFAULT_BLOCK_BYTES);
  }

  /** As {@link #open(Path, CsvOptions, BadRecords)}, reading {@code blockBytes} bytes at a time (for tests). */
  static CsvSource open(Path file, CsvOptions options, BadRecords badRecords, int blockBytes) {
    ChunkSplitter splitter = ChunkSplitter.open(file, blockBytes, 0, new BoundaryScanner(file.toString(), 1, false));
    try {
      return new CsvSource(file, options, badRecords, blockBytes, splitter);
    } catch (RuntimeException e) {
      throw Closing.afterFailure(splitter, e);
    }
  }

  /** The columns, in file order, with their declared or inferred types; known as soon as the source is open. */
  @Override
  public List<Field> schema() {
    return schema;
  }

  /** A sentence per column whose inferred type may surprise: numbers read as string because of a few words. */
  @Override
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The batches of {@code batchRows} rows each (the last may be shorter, and so is one that held a skipped bad
   * record or reached {@code batchBytes}); may be called once, and not after {@link #readAll()}.
   */
  @Override
  public Iterator<Frame> iterator() {
    return read(parser);
  }

  /** As {@link #iterator()}, with only {@code columns}: the fields of the others are split off but not parsed. */
  @Override
  public Iterator<Frame> iterator(List<String> columns) {
    return read(parser.reading(columns));
  }

  private Iterator<Frame> read(ChunkParser parser) {
    if (started) {
      throw new IllegalStateException("a CsvSource reads its file once; open a new one to read it again");
    }
    started = true;
    ChunkSplitter data = opened != null
        ? opened
        : ChunkSplitter.open(file, blockBytes, dataOffset, new BoundaryScanner(source, dataLine, dataAfterCr));
    opened = null;
    chunks = new OrderedChunkParsing(data, options.batchRows(), options.batchBytes(), parser::parse,
        options.threads(), "csv");
    return new BatchIterator(() -> chunks.nextBatch(badRecords));
  }

  @Override
  public BadRecords badRecords() {
    return badRecords;
  }

  /** Stops the parsing threads and closes the file. */
  @Override
  public void close() {
    if (chunks != null) {
      chunks.close();
    }
    if (opened != null) {
      opened.close();
    }
  }
}
