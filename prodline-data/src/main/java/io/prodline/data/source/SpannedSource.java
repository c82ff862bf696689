package io.prodline.data.source;

import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The files of a location read one after another as one source, each file a {@link Span}.
 *
 * <p>The first span sets the schema. Later CSV and JSON-lines spans are read with the first span's types
 * declared, so that a span whose sample happens to hold only integers does not turn a float64 column into
 * int64; every span must then have the same column names and types (checked by {@link SchemaAgreement}, the
 * error naming the span and the column), in any order: batches always have the first span's column order.
 *
 * <p>Only one file is open at a time; a batch never mixes rows of two spans. All spans count bad records into
 * one {@link BadRecords}, so the skip policy's cap holds for the whole location. {@link #spans()} reports each
 * span read to its end with its row count and SHA-256 fingerprint. The fingerprint reads the file once more, so it
 * is computed only when {@link #spans()} is called: a reader that never asks (batch prediction) does not pay for
 * a second pass over its input.
 */
public final class SpannedSource implements DataSource {
  private final SpanFiles files;
  private final SourceOptions options;
  private final BadRecords badRecords;
  private final List<Field> schema;
  private final List<String> warnings;
  private final List<String> names;
  /** The spans read to their end, fingerprinted or not yet; see {@link #spans()}. */
  private final List<Span> spans = new ArrayList<>();
  private DataSource current;
  private Iterator<Frame> batches;
  private int next;
  private long rows;
  private boolean started;
  /** The location's rows once counted ({@link #knownRows()}); null before. */
  private OptionalLong knownRows;

  SpannedSource(SpanFiles files, SourceOptions options) {
    this.files = files;
    this.options = options;
    this.badRecords = new BadRecords(options.badRecords());
    this.current = files.format().open(files.files().get(0), options, badRecords);
    this.schema = current.schema();
    this.warnings = current.warnings();
    this.names = schema.stream().map(Field::name).toList();
    this.next = 1;
  }

  @Override
  public List<Field> schema() {
    return schema;
  }

  /** The first span's: it decides the types every later span must agree with. */
  @Override
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public BadRecords badRecords() {
    return badRecords;
  }

  /**
   * The rows of the whole location when its files' metadata give them (Parquet and Arrow IPC files); empty when a
   * file's do not (text, Arrow streams). Asked before reading, as a progress bar does; of several files, the format
   * reads every footer ({@link Format#countRows}), so a damaged one fails now rather than after the rows before it.
   */
  @Override
  public OptionalLong knownRows() {
    if (knownRows == null) {
      if (started) {
        return OptionalLong.empty(); // the first span is gone; a count now would cost reading every footer again
      }
      OptionalLong first = current.knownRows();
      knownRows = first.isEmpty() || files.files().size() == 1 ? first : files.format().countRows(files.files());
    }
    return knownRows;
  }

  /** The files of the location, in reading order. */
  public List<Path> files() {
    return files.files();
  }

  /**
   * The spans read to their end so far, in order; all of them once the source is read. Fingerprints a span's
   * file the first time it is reported.
   */
  public List<Span> spans() {
    spans.replaceAll(span -> span.sha256() != null ? span
        : new Span(span.file(), span.rows(), ContentFingerprint.sha256(span.file())));
    return Collections.unmodifiableList(spans);
  }

  /** The batches of every span in turn; may be called once, and not after {@link #readAll()}. */
  @Override
  public Iterator<Frame> iterator() {
    return iterator(names);
  }

  /**
   * As {@link #iterator()}, with only {@code columns}, in that order; each span reads them as its format reads a
   * few columns best (a CSV span parses no other column).
   */
  @Override
  public Iterator<Frame> iterator(List<String> columns) {
    if (started) {
      throw new IllegalStateException("a SpannedSource reads its files once; open a new one to read them again");
    }
    started = true;
    List<String> read = List.copyOf(columns);
    batches = current.iterator(read); // the first span checks the names now, not at the first batch
    return new BatchIterator(() -> nextBatch(read));
  }

  /** The next batch of {@code columns}; each span is asked for them, so spans of another column order agree. */
  private Frame nextBatch(List<String> columns) {
    while (true) {
      if (current == null) {
        if (next == files.files().size()) {
          return null;
        }
        openSpan(files.files().get(next++));
      }
      if (batches == null) {
        batches = current.iterator(columns);
      }
      if (batches.hasNext()) {
        Frame batch = batches.next();
        rows += batch.rowCount();
        return batch;
      }
      endSpan();
    }
  }

  private void openSpan(Path file) {
    Map<String, ColumnType> types = new LinkedHashMap<>(options.types());
    schema.forEach(field -> types.put(field.name(), field.type()));
    current = files.format().open(file, options.withTypes(types), badRecords);
    SchemaAgreement.check(files.files().get(0), schema, file, current.schema());
  }

  private void endSpan() {
    Path file = files.files().get(next - 1);
    current.close();
    current = null;
    batches = null;
    spans.add(new Span(file, rows, null));
    rows = 0;
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
