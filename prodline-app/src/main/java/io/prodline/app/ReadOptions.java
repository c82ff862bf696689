package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.SourceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options every command that reads a data set reads it with, so {@code predict}, {@code data stats}, ... read
 * alike; the commands that summarise what they read add {@link StatisticsReadOptions}.
 */
final class ReadOptions {
  @Option(names = "--batch-rows", paramLabel = "N",
      description = "Rows per batch handed to a worker (default: 65536 for the data commands, 8192 for predict).")
  Integer batchRows;

  @Option(names = "--skip-bad-records", paramLabel = "N",
      description = "Skip and count up to N rows that cannot be read, and list the first ones (default: the "
          + "first bad row fails the command).")
  Long skipBadRecords;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--types", split = ",", paramLabel = "COLUMN=TYPE",
      description = "Read these columns as these types (float64, int64, bool, string) instead of inferring them "
          + "from the first rows, e.g. --types zip=string,rain=float64. A value that does not fit is a bad row "
          + "(see --skip-bad-records). Comma-separated or repeated.")
  Map<String, String> types = Map.of();

  @Option(names = "--null-values", split = ",", paramLabel = "TEXT",
      description = "CSV cell texts that mean a missing value, besides the empty cell, e.g. --null-values NA,null,N/A "
          + "(what R's write.csv and many exports write; none by default). Comma-separated or repeated.")
  Set<String> nullValues = Set.of();

  /** How to read, with {@code defaultBatchRows} unless --batch-rows says otherwise, and {@code query} (or none). */
  SourceOptions source(int defaultBatchRows, String query) {
    if (batchRows != null && batchRows < 1) {
      throw new ProdlineException("--batch-rows must be at least 1, got " + batchRows);
    }
    if (skipBadRecords != null && skipBadRecords < 0) {
      throw new ProdlineException("--skip-bad-records must be 0 or more, got " + skipBadRecords);
    }
    SourceOptions options = SourceOptions.defaults().withBatchRows(batchRows == null ? defaultBatchRows : batchRows)
        .withTypes(declaredTypes()).withNullTokens(nullValues);
    options = query == null ? options : options.withQuery(query);
    return skipBadRecords == null ? options : options.withBadRecords(BadRecordPolicy.skipAndCount(skipBadRecords));
  }

  private Map<String, ColumnType> declaredTypes() {
    Map<String, ColumnType> declared = new LinkedHashMap<>();
    types.forEach((column, type) -> {
      try {
        declared.put(column, ColumnType.fromFileName(type));
      } catch (IllegalArgumentException e) {
        throw new ProdlineException("--types " + column + "=" + type + ": unknown type '" + type
            + "'; the types are float64, int64, bool and string");
      }
    });
    return declared;
  }
}
