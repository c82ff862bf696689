package io.prodline.app.batch;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.fs.AtomicFile;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.data.source.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
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
 * A Parquet output is written as CSV first and then converted ({@link ParquetOutput}).
 * Only the columns the model and the kept ones need are read ({@link DataSource#iterator(List)}): a CSV source
 * does not parse the others.
 */
public final class BatchScorer {
  private final Predictor predictor;
  private final OutputColumns columns;
  private final int threads;
  /** Each worker's text buffer, reused batch after batch: a batch's text is megabytes. */
  private final ThreadLocal<StringBuilder> texts = ThreadLocal.withInitial(StringBuilder::new);

  public BatchScorer(Predictor predictor, OutputColumns columns, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.predictor = predictor;
    this.columns = columns;
    this.threads = threads;
  }

  /** What a run did: rows written and wall-clock seconds. */
  public record Result(long rows, double seconds) {
    public double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : 0;
    }
  }

  /** An encoded batch ready to write. */
  private record Chunk(byte[] bytes, int rows) {}

  /**
   * Reads {@code source} to the end and writes {@code output} (.csv, .jsonl or .parquet).
   *
   * @param onRows called on the calling thread with the rows of each batch written, e.g. to move a progress bar
   */
  public Result score(DataSource source, Path output, LongConsumer onRows) {
    checkColumns(source.schema());
    if (!ParquetOutput.isParquet(output)) {
      return score(source, output, RowEncoder.forFile(output.getFileName().toString(), columns.names()), onRows);
    }
    long start = System.nanoTime();
    Path csv;
    try {
      Path directory = output.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      csv = Files.createTempFile(directory, "." + output.getFileName(), ".csv.partial");
    } catch (IOException e) {
      throw new ProdlineException(output + ": cannot write here: " + e.getMessage(), e);
    }
    try {
      long rows = score(source, csv, new CsvRowEncoder(columns.names()), onRows).rows();
      ParquetOutput.convert(csv, columns.names(), columns.sqlTypes(source.schema()), output);
      return new Result(rows, (System.nanoTime() - start) / 1e9);
    } finally {
      ParquetOutput.delete(csv);
    }
  }

  private Result score(DataSource source, Path output, RowEncoder encoder, LongConsumer onRows) {
    Iterator<Frame> batches = source.iterator(inputColumns());
    long start = System.nanoTime();
    long rows = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
    try (AtomicFile file = AtomicFile.create(output)) {
      file.stream().write(encoder.header().getBytes(StandardCharsets.UTF_8));
      while (batches.hasNext()) {
        Frame batch = batches.next();
        if (inFlight.size() == 2 * threads) {
          rows += write(inFlight.removeFirst(), file, onRows);
        }
        inFlight.addLast(pool.submit(() -> encode(batch, encoder)));
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

  private Chunk encode(Frame batch, RowEncoder encoder) {
    StringBuilder text = texts.get();
    text.setLength(0);
    columns.encode(batch, predictor.predict(batch), encoder, text);
    return new Chunk(text.toString().getBytes(StandardCharsets.UTF_8), batch.rowCount());
  }

  private static int write(Future<Chunk> next, AtomicFile file, LongConsumer onRows) throws IOException {
    Chunk chunk;
    try {
      chunk = next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProdlineException("interrupted while predicting", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
    file.stream().write(chunk.bytes());
    onRows.accept(chunk.rows());
    return chunk.rows();
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
