package io.prodline.data.source.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;

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
 * <p><b>Bad records.</b> A row with the wrong number of fields or a value that does not fit its column fails
 * the read, or, under {@link io.prodline.data.source.BadRecordPolicy#skipAndCount}, is left out whole and
 * counted in {@link #badRecords()}. Damage that leaves no row to resume at (invalid UTF-8, an unclosed quote)
 * always fails.
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
  private final RecordStream records;
  private final BadRecords badRecords;
  private final List<Field> schema;
  private final BatchBuilder batch;
  private final int batchRows;
  private final Queue<CsvRecord> sample = new ArrayDeque<>();
  private boolean started;

  private CsvSource(String source, RecordStream records, CsvOptions options, BadRecords badRecords) {
    this.records = records;
    this.badRecords = badRecords;
    this.batchRows = options.batchRows();
    CsvRecord header = records.header();
    List<ResolvedColumn> columns = new SchemaResolver(source, options, header.getStartingLineNumber())
        .resolve(HeaderNames.of(source, header), records, sample);
    this.schema = columns.stream().map(ResolvedColumn::field).toList();
    this.batch = new BatchBuilder(source, options, columns);
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
    String source = file.toString();
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ProdlineException(source + ": no such file");
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot open the file: " + e.getMessage(), e);
    }
    RecordStream records = null;
    try {
      records = new RecordStream(source, in);
      return new CsvSource(source, records, options, badRecords);
    } catch (RuntimeException e) {
      closeAfterFailure(records == null ? in : records, e);
      throw e;
    }
  }

  private static void closeAfterFailure(AutoCloseable resource, RuntimeException failure) {
    try {
      resource.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  /** The columns, in file order, with their declared or inferred types; known as soon as the source is open. */
  @Override
  public List<Field> schema() {
    return schema;
  }

  /** The batches of up to {@code batchRows} rows each; may be called once, and not after {@link #readAll()}. */
  @Override
  public Iterator<Frame> iterator() {
    start();
    return new Iterator<>() {
      private Frame next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = fill(batchRows);
        }
        return next != null;
      }

      @Override
      public Frame next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more batches");
        }
        Frame frame = next;
        next = null;
        return frame;
      }
    };
  }

  @Override
  public BadRecords badRecords() {
    return badRecords;
  }

  /** All rows in one frame; for files that fit in memory. May be called once, and not after iterating. */
  @Override
  public Frame readAll() {
    start();
    Frame all = fill(Integer.MAX_VALUE);
    return all != null ? all : batch.build();
  }

  private void start() {
    if (started) {
      throw new IllegalStateException("a CsvSource reads its file once; open a new one to read it again");
    }
    started = true;
  }

  /** A frame of the next rows, at most {@code limit}; null when no row is left. */
  private Frame fill(int limit) {
    CsvRecord record;
    while (batch.rows() < limit && (record = nextRecord()) != null) {
      try {
        batch.append(record);
      } catch (DataFormatException e) {
        badRecords.reject(e);
      }
    }
    return batch.rows() == 0 ? null : batch.build();
  }

  private CsvRecord nextRecord() {
    CsvRecord sampled = sample.poll();
    return sampled != null ? sampled : records.next();
  }

  @Override
  public void close() {
    records.close();
  }
}
