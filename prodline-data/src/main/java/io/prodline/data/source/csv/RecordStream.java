package io.prodline.data.source.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records of a CSV file: the header first, then data records, whose field count {@link BatchBuilder}
 * checks so that a record of the wrong width can be skipped like any other bad record. Every problem FastCSV
 * or the decoder meets becomes a {@link DataFormatException} naming the file and line; after one of those the
 * stream cannot go on.
 *
 * <p>Reads one record ahead, so that a quoted field left open at the end of the file (which FastCSV accepts,
 * running the field to the end) is reported before the record holding it is handed out. Blank lines are
 * skipped.
 */
final class RecordStream implements AutoCloseable {
  private static final Pattern FASTCSV_LINE = Pattern.compile("line (\\d+)");

  private final String source;
  private final TextPosition position = new TextPosition();
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> records;
  private final CsvRecord header;
  private CsvRecord next;

  RecordStream(String source, InputStream in) {
    this.source = source;
    this.reader = CsvReader.builder()
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(new Utf8Reader(source, in, position));
    this.records = reader.iterator();
    this.header = fetch();
    if (header == null) {
      throw new DataFormatException(source, "the file is empty; expected a header row naming the columns");
    }
    this.next = fetch();
  }

  CsvRecord header() {
    return header;
  }

  /** The next data record, or null at the end of the file. */
  CsvRecord next() {
    CsvRecord record = next;
    if (record == null) {
      return null;
    }
    next = fetch();
    return record;
  }

  private CsvRecord fetch() {
    try {
      if (records.hasNext()) {
        return records.next();
      }
    } catch (CsvParseException e) {
      throw translate(e);
    } catch (UncheckedIOException e) {
      throw new ProdlineException(source + ": cannot read the file: " + e.getCause().getMessage(), e);
    }
    if (position.insideQuotes()) {
      throw new DataFormatException(source, position.quoteOpenedOnLine(),
          "the quoted field that starts on this line is never closed; add the closing quote (\") and write"
              + " any quote inside a quoted field as two quotes (\"\")");
    }
    return null;
  }

  /** Our decoder's own error comes back wrapped by FastCSV; FastCSV's errors name the line only in the text. */
  private RuntimeException translate(CsvParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof DataFormatException dataError) {
      return dataError;
    }
    Matcher line = FASTCSV_LINE.matcher(e.getMessage());
    String problem = (cause == null ? e : cause).getMessage();
    if (problem.startsWith("Unexpected character after closing quote")) {
      problem += "; a closing quote must be followed by a comma or the end of the line";
    }
    return new DataFormatException(source, line.find() ? Long.parseLong(line.group(1)) : 1, problem);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
