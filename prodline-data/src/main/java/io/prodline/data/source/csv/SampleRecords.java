package io.prodline.data.source.csv;

import io.prodline.data.source.chunk.Chunk;
import io.prodline.data.source.chunk.ChunkSplitter;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The first records after the header as {@link TextRecord}s, one at a time, read in chunks of at most
 * {@code batchBytes}: the type-inference sample of a wide file (10,000 rows of a thousand columns are ten
 * million cells) is looked at, never held whole.
 */
final class SampleRecords implements Iterator<TextRecord> {
  private final String source;
  private final ChunkSplitter splitter;
  private final int maxBytes;
  private int remaining;
  private RecordTokenizer chunk;
  private TextRecord next;

  SampleRecords(String source, ChunkSplitter splitter, int records, int maxBytes) {
    this.source = source;
    this.splitter = splitter;
    this.remaining = records;
    this.maxBytes = maxBytes;
  }

  @Override
  public boolean hasNext() {
    while (next == null && (chunk != null || remaining > 0)) {
      if (chunk != null && chunk.next()) {
        // A record that is not UTF-8 tells nothing of the column types; the read reports it, by its policy.
        if (chunk.validUtf8()) {
          next = new TextRecord(chunk.line(), chunk.texts());
        }
        remaining--;
      } else {
        Chunk piece = remaining > 0 ? splitter.next(remaining, maxBytes) : null;
        chunk = piece == null ? null : new RecordTokenizer(source, piece);
        if (piece == null) {
          remaining = 0;
        }
      }
    }
    return next != null;
  }

  @Override
  public TextRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more sample records");
    }
    TextRecord record = next;
    next = null;
    return record;
  }
}
