package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Statistics of the shared seattle-weather.csv, against an independent two-pass loop and numpy's numbers. */
class SeattleWeatherStatisticsTest {
  private static final Path FILE = Path.of("../examples/data/seattle-weather.csv");

  @Test
  void meanAndStdMatchTwoPassAndNumpy() throws IOException {
    List<String> lines = Files.readAllLines(FILE);
    double[] precipitation = new double[lines.size() - 1];
    double[] tempMax = new double[lines.size() - 1];
    StringColumn.Builder weather = new StringColumn.Builder();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      precipitation[i - 1] = Double.parseDouble(cells[1]);
      tempMax[i - 1] = Double.parseDouble(cells[2]);
      weather.append(cells[5]);
    }
    List<Frame> batches = new ArrayList<>();
    Frame all = Frame.of(List.of("precipitation", "temp_max", "weather"),
        List.<Column>of(Float64Column.of(precipitation), Float64Column.of(tempMax), weather.build()));
    for (int start = 0; start < all.rowCount(); start += 100) {
      int end = Math.min(all.rowCount(), start + 100);
      batches.add(all.take(IntStream.range(start, end).toArray()));
    }

    DatasetStatistics s = new StatisticsCollector(StatisticsOptions.defaults().withThreads(3))
        .collect(batches.iterator());

    assertThat(s.numExamples()).isEqualTo(1461);
    MomentStatistics p = s.feature("precipitation").numeric().moments();
    MomentStatistics t = s.feature("temp_max").numeric().moments();
    // Independent Java reference: a plain two-pass loop over the parsed column.
    assertThat(p.mean()).isCloseTo(Reference.mean(precipitation), within(1e-12));
    assertThat(p.stdDev()).isCloseTo(Reference.std(precipitation), within(1e-12));
    assertThat(t.mean()).isCloseTo(Reference.mean(tempMax), within(1e-12));
    assertThat(t.stdDev()).isCloseTo(Reference.std(tempMax), within(1e-12));
    // Computed once with numpy 2.4.6: a = np.array(column, dtype=float); a.mean(), a.std(ddof=0), a.min(),
    // a.max(), (a == 0).sum(), over the rows read with csv.DictReader.
    assertThat(p.mean()).isCloseTo(3.02943189596167, within(1e-12));
    assertThat(p.stdDev()).isCloseTo(6.677907759070508, within(1e-12));
    assertThat(t.mean()).isCloseTo(16.43908281998631, within(1e-12));
    assertThat(t.stdDev()).isCloseTo(7.347242349178532, within(1e-12));
    assertThat(List.of(p.min(), p.max(), t.min(), t.max())).containsExactly(0.0, 55.9, -1.6, 35.6);
    assertThat(p.numZeros()).isEqualTo(838);
    assertThat(t.numZeros()).isEqualTo(2);
    // 1,461 values are more than a k = 1024 KLL sketch keeps exactly; the quantiles are within the rank error.
    double[] sorted = Reference.sorted(tempMax);
    QuantileStatistics q = s.feature("temp_max").numeric().quantiles();
    for (Quantile quantile : q.quantiles()) {
      assertThat(Reference.rankDistance(sorted, quantile.value(), quantile.rank()))
          .isLessThanOrEqualTo(q.normalizedRankError());
    }
    // Counted with numpy too: sun 714, fog 411, rain 259, drizzle 54, snow 23.
    StringStatistics w = s.feature("weather").string();
    assertThat(w.distinct().estimate()).isEqualTo(5);
    assertThat(w.topValues().topValues()).extracting(ValueCount::value, ValueCount::count).containsExactly(
        tuple("sun", 714L), tuple("fog", 411L),
        tuple("rain", 259L), tuple("drizzle", 54L),
        tuple("snow", 23L));
  }
}
