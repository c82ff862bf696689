package io.prodline.data.source.csv;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.chunk.ChunkSplitter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link CsvSource} reads a file. Immutable; each {@code with...} method returns a changed copy.
 *
 * <ul>
 *   <li>{@code batchRows}: rows per {@link io.prodline.core.frame.Frame} batch, default
 *       {@value #DEFAULT_BATCH_ROWS}. Bounds memory: the file is never held whole.
 *   <li>{@code batchBytes}: a batch is cut before {@code batchRows} once its rows take this many bytes of CSV
 *       text, default {@value #DEFAULT_BATCH_BYTES} (8 MiB). Keeps memory bounded on wide files, where
 *       {@code batchRows} rows of a thousand columns would be hundreds of megabytes; ordinary files never reach
 *       it, so their batches hold exactly {@code batchRows} rows.
 *   <li>{@code sampleRows}: rows read ahead to infer column types, default {@value #DEFAULT_SAMPLE_ROWS}.
 *   <li>{@code nullTokens}: cell texts that mean "missing" in addition to the empty cell, which is always
 *       missing; default none, so by default only empty cells are missing. Example: {@code Set.of("NA", "null")}.
 *   <li>{@code types}: types declared for some columns by name; they replace inference for those columns.
 *   <li>{@code typeHints}: types for columns the file may or may not have, e.g. the columns a model reads: like
 *       {@code types} for those present (a declared type wins), no error for those absent. So a feature column
 *       that is empty in the sample is still read as numbers, not guessed to be text.
 *   <li>{@code schema}: the type of every column; the header must then name exactly these columns (in any
 *       order) and no sample is read. Empty (the default) means "infer". {@code types} still apply on top.
 *   <li>{@code badRecords}: what a row with the wrong number of fields or a value that does not fit its column
 *       does: fail the read (the default) or be skipped and counted; see {@link BadRecordPolicy}.
 *   <li>{@code threads}: threads that parse batches in parallel, default the available processors; batches still
 *       come out in file order, the same as with one thread.
 * </ul>
 */
public final class CsvOptions {
  public static final int DEFAULT_BATCH_ROWS = 65_536;
  public static final int DEFAULT_SAMPLE_ROWS = 10_000;
  public static final int DEFAULT_BATCH_BYTES = ChunkSplitter.DEFAULT_CHUNK_BYTES;

  private static final CsvOptions DEFAULTS =
      new CsvOptions(DEFAULT_BATCH_ROWS, DEFAULT_SAMPLE_ROWS, Set.of(), Map.of(), Map.of(), List.of(),
          BadRecordPolicy.FAIL, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_BYTES);

  private final int batchRows;
  private final int sampleRows;
  private final Set<String> nullTokens;
  private final Map<String, ColumnType> types;
  private final Map<String, ColumnType> typeHints;
  private final List<Field> schema;
  private final BadRecordPolicy badRecords;
  private final int threads;
  private final int batchBytes;

  private CsvOptions(int batchRows, int sampleRows, Set<String> nullTokens, Map<String, ColumnType> types,
      Map<String, ColumnType> typeHints, List<Field> schema, BadRecordPolicy badRecords, int threads,
      int batchBytes) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows);
    }
    if (sampleRows < 0) {
      throw new IllegalArgumentException("sampleRows must not be negative, got " + sampleRows);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (batchBytes < 1) {
      throw new IllegalArgumentException("batchBytes must be at least 1, got " + batchBytes);
    }
    this.batchRows = batchRows;
    this.sampleRows = sampleRows;
    this.nullTokens = Set.copyOf(nullTokens);
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    this.typeHints = Map.copyOf(typeHints);
    this.schema = List.copyOf(schema);
    this.badRecords = Objects.requireNonNull(badRecords, "badRecords");
    this.threads = threads;
    this.batchBytes = batchBytes;
  }

  public static CsvOptions defaults() {
    return DEFAULTS;
  }

  public CsvOptions withBatchRows(int rows) {
    return new CsvOptions(rows, sampleRows, nullTokens, types, typeHints, schema, badRecords, threads, batchBytes);
  }

  public CsvOptions withSampleRows(int rows) {
    return new CsvOptions(batchRows, rows, nullTokens, types, typeHints, schema, badRecords, threads, batchBytes);
  }

  public CsvOptions withNullTokens(Set<String> tokens) {
    return new CsvOptions(batchRows, sampleRows, Objects.requireNonNull(tokens, "tokens"), types, typeHints, schema,
        badRecords, threads, batchBytes);
  }

  public CsvOptions withTypes(Map<String, ColumnType> declared) {
    return new CsvOptions(batchRows, sampleRows, nullTokens, Objects.requireNonNull(declared, "declared"), typeHints,
        schema, badRecords, threads, batchBytes);
  }

  public CsvOptions withTypeHints(Map<String, ColumnType> hints) {
    return new CsvOptions(batchRows, sampleRows, nullTokens, types, Objects.requireNonNull(hints, "hints"), schema,
        badRecords, threads, batchBytes);
  }

  public CsvOptions withSchema(List<Field> fields) {
    return new CsvOptions(batchRows, sampleRows, nullTokens, types, typeHints, Objects.requireNonNull(fields,
        "fields"), badRecords, threads, batchBytes);
  }

  public CsvOptions withBadRecords(BadRecordPolicy policy) {
    return new CsvOptions(batchRows, sampleRows, nullTokens, types, typeHints, schema, policy, threads, batchBytes);
  }

  public CsvOptions withThreads(int count) {
    return new CsvOptions(batchRows, sampleRows, nullTokens, types, typeHints, schema, badRecords, count, batchBytes);
  }

  public CsvOptions withBatchBytes(int bytes) {
    return new CsvOptions(batchRows, sampleRows, nullTokens, types, typeHints, schema, badRecords, threads, bytes);
  }

  /** Whether a cell means "missing": it is empty or one of the null tokens. */
  public boolean isMissing(String cell) {
    return cell.isEmpty() || nullTokens.contains(cell);
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

  public Map<String, ColumnType> typeHints() {
    return typeHints;
  }

  public List<Field> schema() {
    return schema;
  }

  public BadRecordPolicy badRecords() {
    return badRecords;
  }

  public int threads() {
    return threads;
  }

  public int batchBytes() {
    return batchBytes;
  }
}
