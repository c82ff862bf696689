package io.prodline.app.batch;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.fs.AtomicFile;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.Format;
import io.prodline.data.source.arrow.ArrowIpcWriter;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Scores a data source of any size with a predictor and writes one output row per input row, in input order.
 *
 * <p>The calling thread reads batches and hands each to a pool of worker threads, which transform, predict and
 * encode it to text; the calling thread then writes the finished batches in the order they were read. At most
 * {@code 2 * threads} batches are in flight (read but not yet written): enough to keep every worker busy while
 * the oldest batch is written, and a fixed bound, so memory depends on the batch size and thread count and never
 * on the input's size. The output appears only when complete ({@link AtomicFile}); on any error nothing is left.
 * A Parquet output is written as CSV first and then converted ({@link ParquetOutput}); an Arrow IPC output is
 * written a record batch per batch ({@link ArrowIpcWriter}), with the model's outputs as float32.
 * Only the columns the model and the kept ones need are read ({@link DataSource#iterator(List)}): a CSV source
 * does not parse the others.
 */
public final class BatchScorer {
  private final Predictor predictor;
  private final OutputColumns columns;
  private final int threads;
  /** The non-finite inputs the model is given, as the server decides them for it ({@link NonFiniteInputs#of}). */
  private final NonFiniteInputs nonFinite;
  /** Each worker's text buffer, reused batch after batch: a batch's text is megabytes. */
  private final ThreadLocal<StringBuilder> texts = ThreadLocal.withInitial(StringBuilder::new);

  /** A scorer that gives the model what the server would by default: NaN only where it means missing, no infinity. */
  public BatchScorer(Predictor predictor, OutputColumns columns, int threads) {
    this(predictor, columns, threads, false);
  }

  /**
   * @param allowNonFinite whether every NaN (a missing value included) and infinity reaches the model, as the
   *     server's {@code --allow-nan}; otherwise a row with one the model does not take fails the run, naming it
   */
  public BatchScorer(Predictor predictor, OutputColumns columns, int threads, boolean allowNonFinite) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.predictor = predictor;
    this.columns = columns;
    this.threads = threads;
    this.nonFinite = NonFiniteInputs.of(Optional.empty(), allowNonFinite, predictor.definesMissingValues());
  }

  /** What a run did: rows written and wall-clock seconds. */
  public record Result(long rows, double seconds) {
    public double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : 0;
    }
  }

  /**
   * A prediction file being written: workers turn each scored batch into {@code T}, and the calling thread writes
   * them in input order; nothing appears at the output path before {@link #commit()}.
   */
  private interface Output<T> extends AutoCloseable {
    /** On a worker: {@code batch} with its predictions, ready to write. */
    T encode(Frame batch, Predictions predictions);

    /** On the calling thread: writes {@code encoded}; returns its rows. */
    int write(T encoded) throws IOException;

    /** Ends the file and moves it into place. */
    void commit() throws IOException;

    /** Leaves nothing behind unless committed. */
    @Override
    void close();
  }

  /** CSV or JSON lines: each batch becomes its text on a worker, reusing the worker's buffer. */
  private final class TextOutput implements Output<TextOutput.Chunk> {
    private record Chunk(byte[] bytes, int rows) {}

    private final AtomicFile file;
    private final RowEncoder encoder;

    TextOutput(Path output, RowEncoder encoder) throws IOException {
      this.file = AtomicFile.create(output);
      this.encoder = encoder;
      file.stream().write(encoder.header().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Chunk encode(Frame batch, Predictions predictions) {
      StringBuilder text = texts.get();
      text.setLength(0);
      columns.encode(batch, predictions, encoder, text);
      return new Chunk(text.toString().getBytes(StandardCharsets.UTF_8), batch.rowCount());
    }

    @Override
    public int write(Chunk chunk) throws IOException {
      file.stream().write(chunk.bytes());
      return chunk.rows();
    }

    @Override
    public void commit() {
      file.commit();
    }

    @Override
    public void close() {
      file.close();
    }
  }

  /** An Arrow IPC file: each batch becomes a frame of the output columns, written as one record batch. */
  private final class ArrowOutput implements Output<Frame> {
    private final AtomicFile file;
    private final ArrowIpcWriter writer;
    private boolean ended;

    ArrowOutput(Path output, List<Field> inputs) throws IOException {
      this.file = AtomicFile.create(output);
      this.writer = new ArrowIpcWriter(Channels.newChannel(file.stream()), columns.fields(inputs),
          columns.modelOutputs(), ArrowIpcWriter.Compression.NONE);
    }

    @Override
    public Frame encode(Frame batch, Predictions predictions) {
      return columns.frame(batch, predictions);
    }

    @Override
    public int write(Frame frame) throws IOException {
      writer.write(frame);
      return frame.rowCount();
    }

    @Override
    public void commit() throws IOException {
      ended = true;
      try {
        writer.close();
      } catch (RuntimeException e) { // Arrow's writer wraps the IOException of writing the footer
        throw new IOException(e.getMessage(), e);
      }
      file.commit();
    }

    /** Frees the writer's Arrow memory after a failed run, then deletes the unfinished file. */
    @Override
    public void close() {
      try {
        if (!ended) {
          writer.close();
        }
      } catch (RuntimeException ignored) {
        // the run already failed; the file goes either way
      } finally {
        file.close();
      }
    }
  }

  /**
   * Reads {@code source} to the end and writes {@code output}: .csv, .jsonl, .parquet, or an Arrow IPC file
   * (.arrow, .feather, .ipc).
   *
   * @param onRows called on the calling thread with the rows of each batch written, e.g. to move a progress bar
   */
  public Result score(DataSource source, Path output, LongConsumer onRows) {
    checkColumns(source.schema());
    // An Arrow name the sources read, but the file format only: a stream (.arrows) has no footer to end it with.
    boolean arrowStream = output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arrows");
    if (Format.of(output).equals(Optional.of(Format.ARROW)) && !arrowStream) {
      return score(source, output, () -> new ArrowOutput(output, source.schema()), onRows);
    }
    if (!ParquetOutput.isParquet(output)) {
      RowEncoder encoder = RowEncoder.forFile(output.getFileName().toString(), columns.names());
      return score(source, output, () -> new TextOutput(output, encoder), onRows);
    }
    long start = System.nanoTime();
    Path csv = AtomicFile.temporarySibling(output, ".csv.partial");
    try {
      long rows = score(source, csv, () -> new TextOutput(csv, new CsvRowEncoder(columns.names())), onRows).rows();
      ParquetOutput.convert(csv, columns.names(), columns.sqlTypes(source.schema()), output);
      return new Result(rows, (System.nanoTime() - start) / 1e9);
    } finally {
      ParquetOutput.delete(csv);
    }
  }

  /** Opens an output; may fail as opening a file does. */
  @FunctionalInterface
  private interface OutputOpener<T> {
    Output<T> open() throws IOException;
  }

  private <T> Result score(DataSource source, Path output, OutputOpener<T> opener, LongConsumer onRows) {
    Iterator<Frame> batches = source.iterator(inputColumns());
    long start = System.nanoTime();
    long rows = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
    try (Output<T> file = opener.open()) {
      long read = 0;
      while (batches.hasNext()) {
        Frame batch = batches.next();
        if (inFlight.size() == 2 * threads) {
          rows += write(inFlight.removeFirst(), file, onRows);
        }
        long firstRow = read;
        read += batch.rowCount();
        inFlight.addLast(pool.submit(() -> {
          checkNonFinite(batch, firstRow);
          return file.encode(batch, predict(batch, firstRow));
        }));
      }
      while (!inFlight.isEmpty()) {
        rows += write(inFlight.removeFirst(), file, onRows);
      }
      file.commit();
    } catch (IOException e) {
      throw new ProdlineException(output + ": cannot write the predictions: " + e.getMessage(), e);
    } finally {
      inFlight.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
    return new Result(rows, (System.nanoTime() - start) / 1e9);
  }

  private static <T> int write(Future<T> next, Output<T> file, LongConsumer onRows) throws IOException {
    T encoded;
    try {
      encoded = next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProdlineException("interrupted while predicting", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
    int rows = file.write(encoded);
    onRows.accept(rows);
    return rows;
  }

  /**
   * Fails on the first value of a float input the model is not given: a missing value (or NaN) for a model that
   * defines none, whose prediction would silently be NaN, and an infinity, which no model is given by default; the
   * server refuses the same values. {@code firstRow} is the batch's first row's index among the rows read.
   */
  private void checkNonFinite(Frame batch, long firstRow) {
    if (nonFinite.acceptsAll()) {
      return;
    }
    for (String name : predictor.bundle().transform().inputs()) {
      if (!(batch.column(name) instanceof Float64Column values)) {
        continue;
      }
      int refused = firstRefused(values);
      if (refused >= 0) {
        double value = values.getDouble(refused);
        String where = "row " + (firstRow + refused + 1) + " of the input: feature '" + name + "'";
        throw new ProdlineException(Double.isNaN(value)
            ? where + " is " + (values.isNull(refused) ? "missing" : "NaN") + ", and this model defines no missing "
                + "value (its prediction would be NaN); fill the value, or pass --allow-nan to predict anyway"
            : where + " is " + value + ", which a model is not given by default (XGBoost refuses it too); "
                + "correct the value, or pass --allow-nan to predict with it");
      }
    }
  }

  /**
   * The batch's predictions; unless infinities are allowed, a value the transform carried beyond float32's range
   * (1e300 in a float64 column) fails the run as an infinity would, since the model would be given one.
   */
  private Predictions predict(Frame batch, long firstRow) {
    float[] features = predictor.encode(batch);
    int infinite = nonFinite.infinity() ? -1 : Predictor.firstInfinite(features);
    if (infinite >= 0) {
      int width = predictor.inputWidth();
      throw new ProdlineException("row " + (firstRow + infinite / width + 1) + " of the input: model input '"
          + predictor.inputName(infinite % width) + "' is beyond the float32 range the model computes in (its "
          + "largest value is 3.4e38), so the model would be given infinity; correct the value, or pass --allow-nan "
          + "to predict with it");
    }
    return predictor.predictEncoded(features, batch.rowCount());
  }

  /** The first row whose value the model is not given (a missing one counts as NaN), or -1. */
  private int firstRefused(Float64Column values) {
    int row = values.firstNonFinite(0);
    while (row >= 0 && (values.isNull(row) || nonFinite.accepts(values.value(row)))) {
      row = values.firstNonFinite(row + 1);
    }
    if (nonFinite.nan() || values.nullCount() == 0) {
      return row;
    }
    for (int missing = 0; missing < (row < 0 ? values.size() : row); missing++) {
      if (values.isNull(missing)) {
        return missing;
      }
    }
    return row;
  }

  /** The input columns read: the kept ones and the transform's; a source may skip the rest unparsed. */
  private List<String> inputColumns() {
    Set<String> read = new LinkedHashSet<>(columns.keep());
    read.addAll(predictor.bundle().transform().inputs());
    return List.copyOf(read);
  }

  /** Fails before any work when the input lacks a column the model or --keep needs. */
  private void checkColumns(List<Field> schema) {
    List<String> present = schema.stream().map(Field::name).toList();
    for (String kept : columns.keep()) {
      if (!present.contains(kept)) {
        throw new ProdlineException("--keep " + kept + ": the input has no such column; its columns are " + present);
      }
    }
    List<String> missing = predictor.bundle().transform().inputs().stream()
        .filter(name -> !present.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new ProdlineException("the input lacks " + missing.size() + " column(s) the model needs: " + missing
          + "; it has " + present);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "predict-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
