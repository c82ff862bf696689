package io.prodline.data.source.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.FrameAssembler;
import io.prodline.data.source.RowSource;
import io.prodline.data.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

/**
 * Reads a JSON-lines file (also called NDJSON): one JSON object per line, as {@link Frame} batches; only one
 * batch and the type-inference sample are held at a time.
 *
 * <p><b>Format.</b> UTF-8 (a byte order mark is dropped), lines end with LF or CRLF, blank lines are skipped.
 * Each line is one object; its keys are the columns. A key the object lacks, and a JSON {@code null}, are
 * missing values.
 *
 * <p><b>Types.</b> Unless a schema is declared, the columns are the keys of the first {@code sampleRows} lines
 * (in order of first appearance), typed as {@link JsonTypeGuess} says: int64, float64, bool or string.
 * Nested objects and arrays are kept, not refused: their column is string and holds their compact JSON text,
 * so no data is lost and the statistics still see them as values. A later value of another kind is a bad
 * record, except that a number or boolean in a string column is kept as its JSON text, and a float that holds
 * an exact integer (such as {@code 3.0}) fits int64.
 *
 * <p><b>Errors.</b> A line that is not one JSON object (for example cut short), has invalid UTF-8, a key that is
 * not a column, or a value that does not fit is a bad record: a {@link DataFormatException} whose message starts
 * with {@code file:line}, or, under a skip policy, a row left out and counted in {@link #badRecords()}.
 */
public final class JsonLinesSource extends RowSource {
  /** Numbers by Jackson's fast parser: the same doubles as {@link Double#parseDouble}, in a fraction of the time. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private final LineReader lines;
  private final Queue<Line> sample = new ArrayDeque<>();
  private final RowParser parser;

  private JsonLinesSource(String source, LineReader lines, SourceOptions options, BadRecords badRecords) {
    super(badRecords, options.batchRows(), "file");
    this.lines = lines;
    Set<String> inferred = new HashSet<>();
    List<Field> schema = new JsonSchemaResolver(JSON, options).resolve(lines, sample, inferred);
    this.parser = new RowParser(source, JSON, schema, inferred, options.sampleRows());
    schema(schema);
  }

  /** Opens a file and reads the type-inference sample, unless a schema is declared. */
  public static JsonLinesSource open(Path file, SourceOptions options) {
    return open(file, options, new BadRecords(options.badRecords()));
  }

  /** Opens a file that counts its skipped records into {@code badRecords}, which several files can share. */
  public static JsonLinesSource open(Path file, SourceOptions options, BadRecords badRecords) {
    String source = file.toString();
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ProdlineException(source + ": no such file");
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot open the file: " + e.getMessage(), e);
    }
    LineReader lines = new LineReader(source, in);
    try {
      return new JsonLinesSource(source, lines, options, badRecords);
    } catch (RuntimeException e) {
      try {
        lines.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  protected boolean readNext(FrameAssembler batch) {
    Line line = nextLine();
    if (line == null) {
      return false;
    }
    try {
      parser.parse(line, batch);
    } catch (DataFormatException e) {
      badRecords().reject(e);
    }
    return true;
  }

  private Line nextLine() {
    Line sampled = sample.poll();
    return sampled != null ? sampled : lines.next();
  }

  @Override
  public void close() {
    lines.close();
  }
}
