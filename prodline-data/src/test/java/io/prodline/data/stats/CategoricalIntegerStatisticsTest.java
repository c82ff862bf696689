package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CategoricalIntegerStatisticsTest {
  private static final long[] CODES = {3, 1, 4, -1, 5, 9, 2, 6, 1_000_000_007L, 0};

  /** Frames of a categorical column "code" (skewed over {@link #CODES}, with nulls) and a plain int64 "n". */
  static List<Frame> frames(Random random, int count) {
    List<Frame> frames = new ArrayList<>();
    for (int f = 0; f < count; f++) {
      Int64Column.Builder code = new Int64Column.Builder();
      Int64Column.Builder n = new Int64Column.Builder();
      int rows = 1 + random.nextInt(3_000);
      for (int row = 0; row < rows; row++) {
        if (random.nextInt(12) == 0) {
          code.appendNull();
        } else {
          code.append(CODES[Math.min(CODES.length - 1, (int) Math.abs(random.nextGaussian() * 3))]);
        }
        n.append(random.nextInt(100));
      }
      frames.add(Frame.of(List.of("code", "n"), List.<Column>of(code.build(), n.build())));
    }
    return frames;
  }

  /** Non-null rows per value, counted row by row. */
  static Map<Long, Long> counts(List<Frame> frames, String column) {
    Map<Long, Long> counts = new TreeMap<>();
    for (Frame frame : frames) {
      Int64Column c = (Int64Column) frame.column(column);
      for (int row = 0; row < c.size(); row++) {
        if (!c.isNull(row)) {
          counts.merge(c.value(row), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  @Test
  void aCategoricalInt64ColumnGetsExactValueCountsAsDecimalText() {
    List<Frame> frames = frames(new Random(21), 25);
    Map<Long, Long> expected = counts(frames, "code");
    long present = expected.values().stream().mapToLong(Long::longValue).sum();
    long rows = frames.stream().mapToLong(Frame::rowCount).sum();
    StatisticsOptions options = StatisticsOptions.defaults().withCategoricalColumns(Set.of("code")).withThreads(3);

    DatasetStatistics stats = new StatisticsCollector(options).collect(frames.iterator());

    FeatureStatistics code = stats.feature("code");
    assertThat(code.type()).isEqualTo(ColumnType.INT64);
    assertThat(code.numeric()).isNull();
    assertThat(code.common().numNonMissing()).isEqualTo(present);
    assertThat(code.common().numMissing()).isEqualTo(rows - present);
    TopValuesStatistics top = code.string().topValues();
    assertThat(top.exact()).isTrue();
    List<ValueCount> byCount = expected.entrySet().stream()
        .sorted(Map.Entry.<Long, Long>comparingByValue().reversed()
            .thenComparing(e -> Long.toString(e.getKey()), Comparator.naturalOrder()))
        .map(e -> new ValueCount(Long.toString(e.getKey()), e.getValue(), e.getValue(), e.getValue())).toList();
    assertThat(top.topValues()).isEqualTo(byCount);
    assertThat(code.string().distinct().estimate()).isEqualTo(expected.size());
    double textLength = expected.entrySet().stream()
        .mapToDouble(e -> Long.toString(e.getKey()).length() * (double) e.getValue()).sum();
    assertThat(code.string().lengths().avgLength()).isCloseTo(textLength / present, within(1e-12));
    assertThat(code.string().lengths().maxLength()).isEqualTo(10);

    assertThat(stats.feature("n").numeric()).as("undeclared int64 stays numeric").isNotNull();
    assertThat(stats.feature("n").string()).isNull();
  }

  @Test
  void categoricalStatisticsSurviveBytesAndJson() {
    List<Frame> frames = frames(new Random(22), 3);
    StatisticsOptions options = StatisticsOptions.defaults().withCategoricalColumns(Set.of("code"));
    DatasetCombiner combiner = DatasetCombiner.create(frames.get(0), options);
    frames.forEach(combiner::add);

    DatasetStatistics read = StatisticsJson.read(StatisticsJson.write(combiner.result()));

    assertThat(DatasetCombiner.fromBytes(combiner.toBytes()).result()).isEqualTo(combiner.result());
    assertThat(read.feature("code").type()).isEqualTo(ColumnType.INT64);
    assertThat(read.feature("code").string()).isEqualTo(combiner.result().feature("code").string());
  }
}
