package io.prodline.data.source.jsonl;

import io.prodline.core.text.EightBytes;
import io.prodline.data.source.chunk.RecordEnds;

/**
 * Where JSON-lines records end: at every LF, since JSON text holds no raw line break (inside a string it is
 * written {@code \n}), so a file can be cut at any LF. Every line counts as a record here, blank ones too; the
 * parser skips those, so a batch may hold a few rows fewer than asked.
 */
final class LineEnds implements RecordEnds {
  private static final byte LF = '\n';

  private long line = 1;
  private long recordsEnded;
  /** Whether bytes were taken in since the last LF: a last line without one is a record too. */
  private boolean midLine;

  @Override
  public int scan(byte[] bytes, int from, int to, long untilRecords) {
    int i = from;
    while (recordsEnded < untilRecords) {
      int lf = EightBytes.indexOf(bytes, i, to, LF);
      if (lf < 0) {
        midLine |= i < to;
        return to;
      }
      recordsEnded++;
      line++;
      midLine = false;
      i = lf + 1;
    }
    return i;
  }

  @Override
  public void finish() {
    if (midLine) {
      midLine = false;
      recordsEnded++;
    }
  }

  @Override
  public long recordsEnded() {
    return recordsEnded;
  }

  @Override
  public long line() {
    return line;
  }

  /** Never: a CR is dropped with the line it ends, by the parser. */
  @Override
  public boolean afterCr() {
    return false;
  }
}
