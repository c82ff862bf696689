package io.prodline.data.source.chunk;

import io.prodline.core.frame.Frame;
import io.prodline.data.source.BadRecords;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Parses the chunks of a {@link ChunkSplitter} on a pool of threads and hands the results back in file order,
 * so batches, bad-record counts and the first error come out exactly as a single-threaded read gives them. The
 * format's parser turns a chunk into a {@link ParsedChunk}; it must be safe to call from several threads.
 *
 * <p>The calling thread cuts chunks (a cheap scan) and keeps at most {@code threads + 1} of them in flight:
 * enough to keep every worker busy while the caller consumes one, and a bound on memory whatever the file size.
 * With one thread the caller parses each chunk itself and no pool is started.
 */
public final class OrderedChunkParsing implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ChunkSplitter splitter;
  private final int records;
  private final int maxBytes;
  private final Function<Chunk, ParsedChunk> parser;
  private final String format;
  private final int inFlightLimit;
  private final ExecutorService pool;
  private final Deque<Future<ParsedChunk>> inFlight = new ArrayDeque<>();
  private boolean splitterDone;

  /**
   * Parses chunks of {@code records} records, or {@code maxBytes} bytes, on {@code threads} threads.
   *
   * @param format names the format in thread names and messages ({@code csv}, {@code jsonl})
   */
  public OrderedChunkParsing(ChunkSplitter splitter, int records, int maxBytes, Function<Chunk, ParsedChunk> parser,
      int threads, String format) {
    this.splitter = splitter;
    this.records = records;
    this.maxBytes = maxBytes;
    this.parser = parser;
    this.format = format;
    this.inFlightLimit = threads + 1;
    this.pool = threads == 1 ? null : newPool(threads, format);
  }

  private static ExecutorService newPool(int threads, String format) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "prodline-" + format + "-" + pool + "-" + number.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The next batch with rows, in file order, after handing the bad records before it to {@code badRecords}'
   * policy (which throws once they are too many); null after the last. A chunk's failure is thrown in its turn.
   */
  public Frame nextBatch(BadRecords badRecords) {
    ParsedChunk chunk;
    while ((chunk = next()) != null) {
      chunk.badRecords().forEach(badRecords::reject);
      if (chunk.failure() != null) {
        throw chunk.failure();
      }
      if (chunk.frame().rowCount() > 0) {
        return chunk.frame();
      }
    }
    return null;
  }

  /** The next chunk's result in file order, or null after the last. */
  private ParsedChunk next() {
    while (!splitterDone && inFlight.size() < (pool == null ? 1 : inFlightLimit)) {
      submitNextChunk();
    }
    Future<ParsedChunk> head = inFlight.poll();
    return head == null ? null : await(head);
  }

  /** Cuts the next chunk; a failure to cut (an unclosed quote, a read error) takes its place in the order. */
  private void submitNextChunk() {
    Chunk chunk;
    try {
      chunk = splitter.next(records, maxBytes);
    } catch (RuntimeException e) {
      splitterDone = true;
      inFlight.add(CompletableFuture.completedFuture(ParsedChunk.failed(e)));
      return;
    }
    if (chunk == null) {
      splitterDone = true;
    } else if (pool == null) {
      inFlight.add(CompletableFuture.completedFuture(parse(chunk)));
    } else {
      inFlight.add(pool.submit(() -> parse(chunk)));
    }
  }

  /** Parses a chunk, then gives its buffer back to be read into again: the batch holds no reference to it. */
  private ParsedChunk parse(Chunk chunk) {
    ParsedChunk parsed = parser.apply(chunk);
    splitter.recycle(chunk);
    return parsed;
  }

  private ParsedChunk await(Future<ParsedChunk> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + format, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(format + " parsing failed", e.getCause());
    }
  }

  /** Stops the workers and closes the file; results not yet taken are dropped. */
  @Override
  public void close() {
    inFlight.forEach(f -> f.cancel(true));
    inFlight.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
    splitter.close();
  }
}
