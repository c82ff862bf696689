package io.prodline.data.source.csv;

/**
 * Follows the decoded text of a CSV file as it is read, to know the physical line reached and whether the text
 * ends inside a quoted field.
 *
 * <p>FastCSV reads ahead in large blocks and silently accepts a quoted field left open at the end of the file,
 * so neither its position nor its records can say where an encoding error sits or where an unclosed quote
 * began. This class sees every character once, in order, and follows the same RFC 4180 rules: a quote opens a
 * quoted field only at the start of a field, and inside one a doubled quote is a literal quote. Line breaks are
 * LF, CRLF or a lone CR, each counting once.
 */
final class TextPosition {
  private static final char QUOTE = '"';
  private static final char SEPARATOR = ',';

  private long line = 1;
  private boolean lastWasCr;
  private boolean fieldStart = true;
  private boolean inQuotes;
  private boolean afterClosingQuote;
  private long quoteOpenedOnLine;

  /** Takes in the next {@code length} characters of the text. */
  void advance(char[] text, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; i++) {
      char c = text[i];
      if (c == '\n') {
        if (!lastWasCr) {
          line++;
        }
        lastWasCr = false;
      } else {
        lastWasCr = c == '\r';
        if (lastWasCr) {
          line++;
        }
      }
      followQuotes(c);
    }
  }

  private void followQuotes(char c) {
    if (inQuotes) {
      if (c == QUOTE) {
        inQuotes = false;
        afterClosingQuote = true;
      }
    } else if (c == QUOTE && (fieldStart || afterClosingQuote)) {
      // After a closing quote, a second quote means the pair was an escaped quote: the field goes on.
      if (fieldStart) {
        quoteOpenedOnLine = line;
      }
      inQuotes = true;
      fieldStart = false;
      afterClosingQuote = false;
    } else {
      fieldStart = c == SEPARATOR || c == '\n' || c == '\r';
      afterClosingQuote = false;
    }
  }

  /** The 1-based physical line of the next character. */
  long line() {
    return line;
  }

  /** True when the text seen so far ends inside a quoted field. */
  boolean insideQuotes() {
    return inQuotes;
  }

  /** The line where the quoted field still open began; meaningful only while {@link #insideQuotes()}. */
  long quoteOpenedOnLine() {
    return quoteOpenedOnLine;
  }

  /** The number of line breaks in a field value, which FastCSV keeps as they were written in the file. */
  static int lineBreaks(String value) {
    int breaks = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
        breaks++;
      }
    }
    return breaks;
  }
}
