package io.prodline.data.source;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.data.source.csv.CsvOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 *   <li>{@code schema}: every column's type, for CSV and JSON lines; no sample is read. Empty means "infer".
 *   <li>{@code badRecords}: the {@link BadRecordPolicy}, default {@link BadRecordPolicy#FAIL}.
 *   <li>{@code query}: the SQL query of a {@code jdbc:} location; required there.
 * </ul>
 */
public final class SourceOptions {
  public static final int DEFAULT_BATCH_ROWS = CsvOptions.DEFAULT_BATCH_ROWS;
  public static final int DEFAULT_SAMPLE_ROWS = CsvOptions.DEFAULT_SAMPLE_ROWS;

  private static final SourceOptions DEFAULTS = new SourceOptions(DEFAULT_BATCH_ROWS, DEFAULT_SAMPLE_ROWS,
      Set.of(), Map.of(), List.of(), BadRecordPolicy.FAIL, null);

  private final int batchRows;
  private final int sampleRows;
  private final Set<String> nullTokens;
  private final Map<String, ColumnType> types;
  private final List<Field> schema;
  private final BadRecordPolicy badRecords;
  private final String query;

  private SourceOptions(int batchRows, int sampleRows, Set<String> nullTokens, Map<String, ColumnType> types,
      List<Field> schema, BadRecordPolicy badRecords, String query) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows);
    }
    if (sampleRows < 0) {
      throw new IllegalArgumentException("sampleRows must not be negative, got " + sampleRows);
    }
    this.batchRows = batchRows;
    this.sampleRows = sampleRows;
    this.nullTokens = Set.copyOf(nullTokens);
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    this.schema = List.copyOf(schema);
    this.badRecords = Objects.requireNonNull(badRecords, "badRecords");
    this.query = query;
  }

  public static SourceOptions defaults() {
    return DEFAULTS;
  }

  public SourceOptions withBatchRows(int rows) {
    return new SourceOptions(rows, sampleRows, nullTokens, types, schema, badRecords, query);
  }

  public SourceOptions withSampleRows(int rows) {
    return new SourceOptions(batchRows, rows, nullTokens, types, schema, badRecords, query);
  }

  public SourceOptions withNullTokens(Set<String> tokens) {
    return new SourceOptions(batchRows, sampleRows, tokens, types, schema, badRecords, query);
  }

  public SourceOptions withTypes(Map<String, ColumnType> declared) {
    return new SourceOptions(batchRows, sampleRows, nullTokens, declared, schema, badRecords, query);
  }

  public SourceOptions withSchema(List<Field> fields) {
    return new SourceOptions(batchRows, sampleRows, nullTokens, types, fields, badRecords, query);
  }

  public SourceOptions withBadRecords(BadRecordPolicy policy) {
    return new SourceOptions(batchRows, sampleRows, nullTokens, types, schema, policy, query);
  }

  public SourceOptions withQuery(String sql) {
    return new SourceOptions(batchRows, sampleRows, nullTokens, types, schema, badRecords,
        Objects.requireNonNull(sql, "sql"));
  }

  public int batchRows() {
    return batchRows;
  }

  public int sampleRows() {
    return sampleRows;
  }

  public Set<String> nullTokens() {
    return nullTokens;
  }

  public Map<String, ColumnType> types() {
    return types;
  }

  public List<Field> schema() {
    return schema;
  }

  public BadRecordPolicy badRecords() {
    return badRecords;
  }

  /** The SQL query for a JDBC location, or null when none was given. */
  public String query() {
    return query;
  }

  /** The same options as a {@link io.prodline.data.source.csv.CsvSource}'s. */
  public CsvOptions toCsv() {
    return CsvOptions.defaults().withBatchRows(batchRows).withSampleRows(sampleRows).withNullTokens(nullTokens)
        .withTypes(types).withSchema(schema).withBadRecords(badRecords);
  }
}
