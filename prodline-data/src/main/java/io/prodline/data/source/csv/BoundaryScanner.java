package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.text.EightBytes;
import io.prodline.data.source.chunk.RecordEnds;

/**
 * Follows the quoting of CSV bytes to find where records end, so that a file can be cut into chunks of whole
 * records that separate threads parse on their own, each knowing the physical line it starts on.
 *
 * <p>Where a record ends depends on every quote before it, so this one scan must see every byte in order; it is
 * kept to the few rules that decide record ends, the same as {@link RecordTokenizer}'s: a quote opens a quoted
 * field only at the start of a field (elsewhere it is a literal character); inside a quoted field a quote ends
 * it (a doubled quote reopens it, which is how an escaped quote reads); outside quotes LF, CRLF and a lone CR
 * end the record, each counting one physical line; a line end with no byte before it on its line is a blank
 * line, not a record. No decoding is needed: every byte of a multi-byte UTF-8 sequence is 0x80 or above, so
 * none can be mistaken for a quote, comma or line end.
 */
final class BoundaryScanner implements RecordEnds {
  private static final byte QUOTE = '"';
  private static final byte COMMA = ',';
  private static final byte LF = '\n';
  private static final byte CR = '\r';

  private final String source;
  private long line;
  private boolean lastWasCr;
  private boolean recordStart = true;
  private boolean fieldStart = true;
  private boolean inQuotes;
  private boolean afterClosingQuote;
  private long quoteOpenedOnLine;
  private long recordsEnded;

  /**
   * A scanner at the start of a record on physical line {@code line}; {@code afterCr} when the byte before was
   * a CR ending a record, so that a LF next completes that CRLF instead of making a blank line.
   */
  BoundaryScanner(String source, long line, boolean afterCr) {
    this.source = source;
    this.line = line;
    this.lastWasCr = afterCr;
  }

  /**
   * Takes in {@code bytes[from, to)} until {@code untilRecords} records have ended in all, and returns the index
   * just after the line end of the last of them; returns {@code to} when the range runs out first.
   */
  @Override
  public int scan(byte[] bytes, int from, int to, long untilRecords) {
    // The state lives in locals while scanning (the JIT keeps them in registers) and is stored back on return.
    long lineNow = line;
    boolean cr = lastWasCr;
    boolean atRecordStart = recordStart;
    boolean atFieldStart = fieldStart;
    boolean quoted = inQuotes;
    boolean closed = afterClosingQuote;
    long ended = recordsEnded;
    int i = from;
    for (; i < to; i++) {
      // Eight bytes with no quote or line end change nothing but whether the next byte starts a field (after a
      // comma, outside quotes), so they are stepped over a word at a time.
      while (i + 8 <= to) {
        long word = EightBytes.at(bytes, i);
        if ((EightBytes.matches(word, QUOTE) | EightBytes.matches(word, LF) | EightBytes.matches(word, CR)) != 0) {
          break;
        }
        if (!quoted) {
          atFieldStart = (byte) (word >>> 56) == COMMA;
          atRecordStart = false;
        }
        cr = false;
        closed = false;
        i += 8;
      }
      if (i == to) {
        break;
      }
      byte c = bytes[i];
      if (quoted) {
        if (c == QUOTE) {
          quoted = false;
          closed = true;
        } else if (c == LF && !cr || c == CR) {
          lineNow++;
        }
        cr = c == CR;
      } else if (c == LF || c == CR) {
        if (c == CR || !cr) {
          lineNow++;
        }
        cr = c == CR;
        atFieldStart = true;
        closed = false;
        if (!atRecordStart) {
          atRecordStart = true;
          if (++ended == untilRecords) {
            i++;
            break;
          }
        }
      } else {
        cr = false;
        atRecordStart = false;
        if (c == QUOTE && (atFieldStart || closed)) {
          if (atFieldStart) {
            quoteOpenedOnLine = lineNow;
          }
          quoted = true;
          atFieldStart = false;
        } else {
          atFieldStart = c == COMMA;
        }
        closed = false;
      }
    }
    line = lineNow;
    lastWasCr = cr;
    recordStart = atRecordStart;
    fieldStart = atFieldStart;
    inQuotes = quoted;
    afterClosingQuote = closed;
    recordsEnded = ended;
    return i;
  }

  /**
   * Marks the end of the input: a last record without a line end ends here. A quoted field still open cannot be
   * resumed by anything, so it fails, naming the line where it began.
   */
  @Override
  public void finish() {
    if (inQuotes) {
      throw new DataFormatException(source, quoteOpenedOnLine,
          "the quoted field that starts on this line is never closed; add the closing quote (\") and write"
              + " any quote inside a quoted field as two quotes (\"\")");
    }
    if (!recordStart) {
      recordStart = true;
      recordsEnded++;
    }
  }

  /** Records ended so far, blank lines not counted. */
  @Override
  public long recordsEnded() {
    return recordsEnded;
  }

  /** The 1-based physical line of the next byte. */
  @Override
  public long line() {
    return line;
  }

  /** Whether the last byte taken in was a CR outside quotes, whose LF, if next, belongs to the same line end. */
  @Override
  public boolean afterCr() {
    return lastWasCr && !inQuotes;
  }
}
