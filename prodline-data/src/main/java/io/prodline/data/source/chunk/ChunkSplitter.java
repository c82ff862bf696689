package io.prodline.data.source.chunk;

import io.prodline.core.error.ProdlineException;
import io.prodline.data.source.Closing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Cuts a byte stream into {@link Chunk}s of a given number of records, reading it in blocks and finding record
 * ends with the format's {@link RecordEnds}; a leading UTF-8 byte order mark is dropped.
 *
 * <p>Each chunk gets the buffer it was read into, so its bytes are never copied; only the start of the next
 * record, read past the cut, moves to a fresh buffer. A buffer grows to hold a whole chunk, so memory follows
 * the size of a chunk, not of the file. A chunk's buffer given back once its records are parsed
 * ({@link #recycle}) is read into again, so a file of many chunks does not allocate a buffer for each.
 */
public final class ChunkSplitter implements AutoCloseable {
  /** Bytes read at a time from the file. */
  public static final int DEFAULT_BLOCK_BYTES = 1 << 20;
  /**
   * Bytes of text after which a chunk ends before its record count, by default: keeps memory bounded on wide
   * files, whose batches would otherwise be hundreds of megabytes.
   */
  public static final int DEFAULT_CHUNK_BYTES = 8 << 20;
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String source;
  private final InputStream in;
  private final int blockBytes;
  private final RecordEnds scanner;
  private final Queue<byte[]> spares = new ConcurrentLinkedQueue<>();
  private byte[] buffer;
  private int start;
  private int scanned;
  private int limit;
  private boolean endOfInput;
  /** File offset of {@code buffer[0]}. */
  private long offset;
  private long chunkLine;
  private boolean chunkAfterCr;
  private long recordsCut;

  /**
   * A splitter of {@code in}, whose first byte is at file offset {@code offset} and starts a record where
   * {@code scanner} stands (its line and CR state). At offset 0 a byte order mark is dropped.
   */
  public ChunkSplitter(String source, InputStream in, int blockBytes, long offset, RecordEnds scanner) {
    if (blockBytes < 1) {
      throw new IllegalArgumentException("blockBytes must be at least 1, got " + blockBytes);
    }
    this.source = source;
    this.in = in;
    this.blockBytes = blockBytes;
    this.scanner = scanner;
    this.buffer = new byte[blockBytes];
    this.offset = offset;
    this.chunkLine = scanner.line();
    this.chunkAfterCr = scanner.afterCr();
    if (offset == 0) {
      dropByteOrderMark();
    }
  }

  /**
   * A splitter of {@code file} from byte {@code offset} on, where a record starts as {@code scanner} stands; the
   * file is closed again if anything fails before the splitter is made. "no such file" and the reader's other
   * complaints name the file.
   */
  public static ChunkSplitter open(Path file, int blockBytes, long offset, RecordEnds scanner) {
    String source = file.toString();
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ProdlineException(source + ": no such file");
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot open the file: " + e.getMessage(), e);
    }
    try {
      in.skipNBytes(offset);
      return new ChunkSplitter(source, in, blockBytes, offset, scanner);
    } catch (IOException | RuntimeException e) {
      throw Closing.afterFailure(in, e instanceof RuntimeException r ? r
          : new ProdlineException(source + ": cannot read the file: " + e.getMessage(), e));
    }
  }

  private void dropByteOrderMark() {
    while (limit < BYTE_ORDER_MARK.length && !endOfInput) {
      fill();
    }
    if (limit >= BYTE_ORDER_MARK.length
        && Arrays.equals(buffer, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)) {
      start = BYTE_ORDER_MARK.length;
      scanned = start;
    }
  }

  /**
   * The next chunk of up to {@code records} records, or null when no record is left. It has fewer only at the end
   * of the file, or once it reaches {@code maxBytes} bytes: it then ends with the record under way. Where it is
   * cut depends only on the bytes, never on how they were read.
   * Throws what the {@link RecordEnds} throws at the end of the file (for CSV, a file ending inside a quoted field).
   */
  public Chunk next(int records, int maxBytes) {
    long until = recordsCut + records;
    while (true) {
      if (scanned < limit) {
        long beforeLimit = (long) start + maxBytes - scanned;
        int end = beforeLimit > 0 ? (int) Math.min(limit, scanned + beforeLimit) : limit;
        scanned = scanner.scan(buffer, scanned, end, until);
        if (scanner.recordsEnded() == until) {
          return cut(scanned);
        }
        if (scanned - start >= maxBytes) {
          until = Math.min(until, scanner.recordsEnded() + 1);
        }
      } else if (endOfInput) {
        scanner.finish();
        return scanner.recordsEnded() > recordsCut ? cut(limit) : null;
      } else {
        fill();
      }
    }
  }

  private Chunk cut(int end) {
    Chunk chunk = new Chunk(buffer, start, end, chunkLine, chunkAfterCr,
        (int) (scanner.recordsEnded() - recordsCut));
    recordsCut = scanner.recordsEnded();
    chunkLine = scanner.line();
    chunkAfterCr = scanner.afterCr();
    byte[] next = spares.poll();
    if (next == null || next.length < buffer.length) {
      next = new byte[buffer.length];
    }
    System.arraycopy(buffer, end, next, 0, limit - end);
    buffer = next;
    offset += end;
    limit -= end;
    scanned -= end;
    start = 0;
    return chunk;
  }

  private void fill() {
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    try {
      int read = in.read(buffer, limit, Math.min(blockBytes, buffer.length - limit));
      if (read < 0) {
        endOfInput = true;
      } else {
        limit += read;
      }
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * Takes back the buffer of a chunk handed out, once nothing reads it any more, to read a later chunk into; may
   * be called from any thread.
   */
  public void recycle(Chunk chunk) {
    spares.add(chunk.bytes());
  }

  /** File offset of the first byte after the last chunk handed out. */
  public long position() {
    return offset + start;
  }

  /** Physical line that the next chunk starts on. */
  public long line() {
    return chunkLine;
  }

  /** Whether the last chunk handed out ended with a CR (see {@link Chunk#afterCr()}). */
  public boolean afterCr() {
    return chunkAfterCr;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot close the file: " + e.getMessage(), e);
    }
  }
}
