package io.prodline.data.source.chunk;

/**
 * Where the records of a format end, found by scanning its bytes in order: what a {@link ChunkSplitter} needs to
 * cut a file into chunks of whole records. It also follows the physical lines, so that each chunk knows the line
 * it starts on and errors can name lines.
 */
public interface RecordEnds {
  /**
   * Takes in {@code bytes[from, to)} until {@code untilRecords} records have ended in all, and returns the index
   * just after the end of the last of them; returns {@code to} when the range runs out first.
   */
  int scan(byte[] bytes, int from, int to, long untilRecords);

  /** The input ended: a last record without a line end is counted; damage that leaves no record end throws. */
  void finish();

  /** Records ended so far. */
  long recordsEnded();

  /** The physical line of the next byte. */
  long line();

  /** Whether the last byte taken in was a CR ending a record (see {@link Chunk#afterCr()}). */
  boolean afterCr();
}
