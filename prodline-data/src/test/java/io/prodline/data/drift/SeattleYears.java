package io.prodline.data.drift;

import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** The rows of one year of the shipped seattle-weather.csv, and their statistics. */
final class SeattleYears {
  static final Frame ALL;

  static {
    try (CsvSource source = CsvSource.open(Path.of("../examples/data/seattle-weather.csv"))) {
      ALL = source.readAll();
    }
  }

  private SeattleYears() {}

  /** Rows whose date starts with {@code year} (dates are written 2012/01/01). */
  static Frame year(String year) {
    return ALL.take(IntStream.range(0, ALL.rowCount())
        .filter(r -> ALL.column("date").get(r).toString().startsWith(year)).toArray());
  }

  static DatasetStatistics statistics(Frame frame, StatisticsOptions options) {
    return new StatisticsCollector(options).collect(List.of(frame).iterator());
  }
}
