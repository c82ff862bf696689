package io.prodline.data.source;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.data.source.csv.CsvOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link DataSources} reads any location. Immutable; each {@code with...} method returns a changed copy.
 * Options that do not apply to a format are ignored by it.
 *
 * <ul>
 *   <li>{@code batchRows}: rows per batch, default {@value #DEFAULT_BATCH_ROWS}; also the JDBC fetch size.
 *   <li>{@code sampleRows}: rows read ahead to infer column types in CSV and JSON lines, default
 *       {@value #DEFAULT_SAMPLE_ROWS}. Parquet and JDBC carry their types.
 *   <li>{@code nullTokens}: CSV cell texts that mean "missing" besides the empty cell; default none.
 *   <li>{@code types}: types declared for some CSV or JSON-lines columns by name, replacing inference.
 *   <li>{@code typeHints}: types for CSV or JSON-lines columns that may be there (a model's inputs): like
 *       {@code types} where the column is present, ignored where it is not.
 *   <li>{@code schema}: every column's type, for CSV and JSON lines; no sample is read. Empty means "infer".
 *   <li>{@code badRecords}: the {@link BadRecordPolicy}, default {@link BadRecordPolicy#FAIL}.
 *   <li>{@code query}: the SQL query of a {@code jdbc:} location; required there.
 * </ul>
 */
public final class SourceOptions {
  public static final int DEFAULT_BATCH_ROWS = CsvOptions.DEFAULT_BATCH_ROWS;
  public static final int DEFAULT_SAMPLE_ROWS = CsvOptions.DEFAULT_SAMPLE_ROWS;

  private static final SourceOptions DEFAULTS = new SourceOptions(CsvOptions.defaults(), null);

  /** The reading options every file format shares; CSV's own options, which hold and check them all. */
  private final CsvOptions read;
  private final String query;

  private SourceOptions(CsvOptions read, String query) {
    this.read = read;
    this.query = query;
  }

  public static SourceOptions defaults() {
    return DEFAULTS;
  }

  public SourceOptions withBatchRows(int rows) {
    return new SourceOptions(read.withBatchRows(rows), query);
  }

  public SourceOptions withSampleRows(int rows) {
    return new SourceOptions(read.withSampleRows(rows), query);
  }

  public SourceOptions withNullTokens(Set<String> tokens) {
    return new SourceOptions(read.withNullTokens(tokens), query);
  }

  public SourceOptions withTypes(Map<String, ColumnType> declared) {
    return new SourceOptions(read.withTypes(declared), query);
  }

  /** Types for columns the input may have (a model's inputs): used where present, ignored where absent. */
  public SourceOptions withTypeHints(Map<String, ColumnType> hints) {
    return new SourceOptions(read.withTypeHints(hints), query);
  }

  public SourceOptions withSchema(List<Field> fields) {
    return new SourceOptions(read.withSchema(fields), query);
  }

  /** Threads that parse a file's chunks in parallel (CSV and JSON lines); the batches still come in file order. */
  public SourceOptions withThreads(int count) {
    return new SourceOptions(read.withThreads(count), query);
  }

  /** The text a parsing thread takes at a time (CSV and JSON lines). */
  public SourceOptions withBatchBytes(int bytes) {
    return new SourceOptions(read.withBatchBytes(bytes), query);
  }

  public SourceOptions withBadRecords(BadRecordPolicy policy) {
    return new SourceOptions(read.withBadRecords(policy), query);
  }

  public SourceOptions withQuery(String sql) {
    return new SourceOptions(read, Objects.requireNonNull(sql, "sql"));
  }

  public int batchRows() {
    return read.batchRows();
  }

  /** Threads parsing a file's chunks (CSV and JSON lines). */
  public int threads() {
    return read.threads();
  }

  /** The text a parsing thread takes at a time (CSV and JSON lines). */
  public int batchBytes() {
    return read.batchBytes();
  }

  public int sampleRows() {
    return read.sampleRows();
  }

  public Set<String> nullTokens() {
    return read.nullTokens();
  }

  public Map<String, ColumnType> types() {
    return read.types();
  }

  public Map<String, ColumnType> typeHints() {
    return read.typeHints();
  }

  public List<Field> schema() {
    return read.schema();
  }

  public BadRecordPolicy badRecords() {
    return read.badRecords();
  }

  /** The SQL query for a JDBC location, or null when none was given. */
  public String query() {
    return query;
  }

  /** The same options as a {@link io.prodline.data.source.csv.CsvSource}'s. */
  public CsvOptions toCsv() {
    return read;
  }
}
