package io.prodline.app;

import io.prodline.core.frame.ColumnType;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.stats.DataColumns;
import io.prodline.data.stats.StatisticsOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The read options of the commands that summarise what they read ({@code data stats}, {@code schema},
 * {@code validate}, {@code compare}): how to read, and how to sketch each feature.
 */
final class StatisticsReadOptions {
  /** Rows per batch unless --batch-rows says otherwise: a statistics pass updates each sketch once per batch. */
  private static final int BATCH_ROWS = 65_536;

  @Mixin
  ReadOptions read;

  // picocli formats a description as a format string, so its percent sign is written %%.
  @Option(names = "--kll-k", paramLabel = "K",
      description = "Size of each numeric feature's quantile sketch, 8 to 65535 (default: 1024). The sketch keeps "
          + "up to K values exactly; past that its rank error is about 2.3/K^0.97 (0.27%% at 1024). Raise it for "
          + "exact quantiles and comparisons of larger samples, at about 24 bytes of memory per unit per feature.")
  Integer kllK;

  @Option(names = "--categorical", split = ",", paramLabel = "COLUMN",
      description = "Int64 columns whose values are labels (codes, ids, ratings): summarised like strings, with "
          + "top values and a distinct count instead of moments and quantiles. Comma-separated or repeated; a "
          + "schema's categorical int64 features are added by the commands that read one.")
  Set<String> categorical = Set.of();

  /** How to read, with {@code query} (or none). */
  SourceOptions source(String query) {
    return read.source(BATCH_ROWS, query);
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
    return read.threads == null ? options : options.withThreads(read.threads);
  }
}
