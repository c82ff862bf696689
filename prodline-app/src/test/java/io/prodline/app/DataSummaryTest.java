package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one line per column that {@code prodline data stats} prints, on seattle-weather (1,461 days). */
class DataSummaryTest {

  private static List<String> summary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataSource source = DataSources.open("../examples/data/seattle-weather.csv", SourceOptions.defaults())) {
      DataSummary.print(new StatisticsCollector(StatisticsOptions.defaults()).collect(source.iterator()),
          new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void exactTopValuesArePrintedWithTheirCounts() {
    assertThat(summary()).anyMatch(line -> line.startsWith("  weather ")
        && line.endsWith("~5 distinct; top: sun (714) fog (411) rain (259)"));
  }

  /** 1,461 distinct dates overflow the frequent-items sketch (exact up to 768), so its counts are estimates. */
  @Test
  void approximateTopValuesAreMarkedAsSuch() {
    assertThat(summary()).anyMatch(line -> line.startsWith("  date ") && line.endsWith(
        "; top (approximate counts, max error 1): 2014/02/08 (~2) 2014/02/09 (~2) 2014/02/10 (~2)"));
  }
}
