package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.stats.DataColumns;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * The statistics every data command starts from: read back from a statistics file, or computed in one
 * streaming pass over any location {@link DataSources} opens, with a progress bar. Prints one line saying what
 * was read, and the bad records skipped, so nothing left out goes unnoticed.
 */
final class InputStatistics {
  private InputStatistics() {}

  static DatasetStatistics of(DataInput input, StatisticsReadOptions read, StatisticsOptions options) {
    if (StatisticsFile.isStatistics(input.location())) {
      return read(input, read);
    }
    long start = System.nanoTime();
    DatasetStatistics stats;
    SourceOptions sourceOptions = read.source(input.query());
    try (DataSource source = DataSources.open(input.location(), sourceOptions);
         ProgressBar bar = Progress.bar("stats", -1, "rows")) {
      SourceReport.warnings(source);
      read.requireCategoricalColumns(input, DataColumns.of(source.schema()));
      stats = new StatisticsCollector(read.statistics(options)).collect(counting(source.iterator(), bar));
      SourceReport.badRecords(input, source, "");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d rows x %d columns in %.2f s (%.0f rows/s)%n", input.displayName(),
        stats.numExamples(), stats.features().size(), seconds, stats.numExamples() / seconds);
    return stats;
  }

  /**
   * Statistics read back from a statistics file at {@code input}, checked against the read options' {@code
   * --categorical}, which such a file must already reflect.
   */
  static DatasetStatistics read(DataInput input, StatisticsReadOptions read) {
    DatasetStatistics stats = StatisticsFile.read(Path.of(input.location()));
    read.requireCategoricalColumns(input, DataColumns.of(stats.features().stream()
        .map(f -> new Field(f.name(), f.type())).toList()));
    for (String column : read.categorical) {
      if (stats.feature(column).numeric() != null) {
        throw new ProdlineException(input.displayName() + ": --categorical column '" + column + "' was summarised"
            + " as numeric when these statistics were computed; compute them again with --categorical " + column);
      }
    }
    System.out.printf(Locale.ROOT, "%s: statistics of %d rows x %d columns%n", input.displayName(),
        stats.numExamples(), stats.features().size());
    return stats;
  }

  private static Iterator<Frame> counting(Iterator<Frame> batches, ProgressBar bar) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return batches.hasNext();
      }

      @Override
      public Frame next() {
        Frame f = batches.next();
        bar.stepBy(f.rowCount());
        return f;
      }
    };
  }
}
