package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.stats.DataColumns;
import io.prodline.data.stats.StatisticsOptions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options every data command reads data with, so {@code stats}, {@code schema}, ... read alike. */
final class ReadOptions {
  /** Rows per batch of the data commands: a statistics pass updates each sketch once per batch. */
  static final int STATISTICS_BATCH_ROWS = 65_536;

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

  @Option(names = "--kll-k", paramLabel = "K",
      description = "Size of each numeric feature's quantile sketch, 8 to 65535 (default: 1024). The sketch keeps "
          + "up to K values exactly; past that its rank error is about 2.3/K^0.97 (0.27% at 1024). Raise it for "
          + "exact quantiles and comparisons of larger samples, at about 24 bytes of memory per unit per feature.")
  Integer kllK;

  @Option(names = "--categorical", split = ",", paramLabel = "COLUMN",
      description = "Int64 columns whose values are labels (codes, ids, ratings): summarised like strings, with "
          + "top values and a distinct count instead of moments and quantiles. Comma-separated or repeated; a "
          + "schema's categorical int64 features are added by the commands that read one.")
  Set<String> categorical = Set.of();

  /** How to read, with {@code defaultBatchRows} unless --batch-rows says otherwise, and {@code query} (or none). */
  SourceOptions source(int defaultBatchRows, String query) {
    SourceOptions options = SourceOptions.defaults().withBatchRows(batchRows == null ? defaultBatchRows : batchRows)
        .withTypes(declaredTypes());
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

  /**
   * Fails unless every --categorical name is an int64 column of {@code input}, whose {@code columns} are given:
   * a misspelt name, or a column of another type, would otherwise have no effect and go unnoticed.
   */
  void requireCategoricalColumns(DataInput input, DataColumns columns) {
    categorical.stream().sorted().forEach(column -> columns.require(input.displayName() + ": --categorical column",
        column, List.of(ColumnType.INT64)));
  }

  StatisticsOptions statistics(StatisticsOptions base) {
    Set<String> categoricalColumns = new HashSet<>(base.categoricalColumns());
    categoricalColumns.addAll(categorical);
    StatisticsOptions options = base.withCategoricalColumns(categoricalColumns);
    options = kllK == null ? options : options.withKllK(kllK);
    return threads == null ? options : options.withThreads(threads);
  }
}
