package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatisticsCollectorTest {

  @Test
  void manyThreadsGiveTheStatisticsOfOnePass() {
    Random random = new Random(11);
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      frames.add(RandomFrames.frame(random, random.nextInt(500)));
    }
    StatisticsOptions options = StatisticsOptions.defaults().withWeightColumn("w").withThreads(4);
    DatasetCombiner single = DatasetCombiner.create(frames.get(0), options);
    frames.forEach(single::add);

    DatasetStatistics collected = new StatisticsCollector(options).collect(frames.iterator());

    Frame all = frames.stream().reduce(Frame::concat).orElseThrow();
    MergePropertyTest.assertMatches(collected, single.result(), all, options);
    assertThat(collected.features()).extracting(FeatureStatistics::name).isEqualTo(RandomFrames.NAMES);
  }

  @Test
  void slicesHoldTheStatisticsOfTheirRows() {
    Frame frame = Frame.of(List.of("city", "y"), List.<Column>of(
        StringColumn.of("a", "b", "a", null, "b", "a"), Float64Column.of(1, 10, 3, 100, 20, 5)));
    DatasetStatistics s = new StatisticsCollector(StatisticsOptions.defaults().withSliceColumn("city").withThreads(2))
        .collect(List.of(frame, frame).iterator());

    assertThat(s.numExamples()).isEqualTo(12);
    assertThat(s.sliceFeature()).isEqualTo("city");
    assertThat(s.slices()).containsOnlyKeys("a", "b");
    assertThat(s.slice("a").numExamples()).isEqualTo(6);
    assertThat(s.slice("a").feature("y").numeric().moments().mean()).isEqualTo(3.0);
    assertThat(s.slice("b").feature("y").numeric().moments().mean()).isEqualTo(15.0);
    assertThat(s.feature("y").numeric().moments().mean()).isEqualTo(139.0 / 6);
  }

  @Test
  void tooManySlicesFail() {
    Frame frame = Frame.of(List.of("id"), List.<Column>of(StringColumn.of("1", "2", "3")));
    StatisticsOptions options = new StatisticsOptions(200, 10, 10, 20, 1024, 12, null, "id", 2, Set.of(), 1);
    assertThatThrownBy(() -> new StatisticsCollector(options).collect(List.of(frame).iterator()))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("max_slices");
  }

  @Test
  void aFrameWithOtherColumnsFailsThePass() {
    Frame first = Frame.of(List.of("x"), List.<Column>of(Float64Column.of(1)));
    Frame other = Frame.of(List.of("y"), List.<Column>of(Float64Column.of(1)));
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      frames.add(i == 25 ? other : first);
    }
    assertThatThrownBy(() -> new StatisticsCollector(StatisticsOptions.defaults().withThreads(3))
        .collect(frames.iterator()))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("same columns");
  }

  @Test
  void badWeightsNameTheColumnAndRow() {
    Frame frame = Frame.of(List.of("x", "w"), List.<Column>of(Float64Column.of(1, 2), Float64Column.of(1, -1)));
    assertThatThrownBy(() -> new StatisticsCollector(StatisticsOptions.defaults().withWeightColumn("w"))
        .collect(List.of(frame).iterator()))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("'w'").hasMessageContaining("row 1");
  }

  @Test
  void aSliceOrWeightColumnThatIsAbsentOrOfTheWrongTypeFailsWithTheColumnsToChooseFrom() {
    Frame frame = Frame.of(List.of("city", "y", "n"), List.<Column>of(StringColumn.of("a", "b"),
        Float64Column.of(1, 2), Int64Column.of(3, 4)));

    assertThatThrownBy(() -> collect(frame, StatisticsOptions.defaults().withSliceColumn("town")))
        .isInstanceOf(ProdlineException.class)
        .hasMessage("slice column 'town' is not a column of the data; the columns are city, y, n");
    assertThatThrownBy(() -> collect(frame, StatisticsOptions.defaults().withSliceColumn("y")))
        .hasMessage("slice column 'y' must be a string, int64 or bool column, not float64; "
            + "the string, int64 or bool columns are city, n");
    assertThatThrownBy(() -> collect(frame, StatisticsOptions.defaults().withWeightColumn("city")))
        .hasMessage("weight column 'city' must be a float64 or int64 column, not string; "
            + "the float64 or int64 columns are y, n");
    Frame strings = Frame.of(List.of("city"), List.<Column>of(StringColumn.of("a")));
    assertThatThrownBy(() -> collect(strings, StatisticsOptions.defaults().withWeightColumn("city")))
        .hasMessage("weight column 'city' must be a float64 or int64 column, not string; "
            + "the data has no float64 or int64 column");
  }

  private static DatasetStatistics collect(Frame frame, StatisticsOptions options) {
    return new StatisticsCollector(options.withThreads(1)).collect(List.of(frame).iterator());
  }

  @Test
  void badOptionsNameTheOptionAndRange() {
    assertThatThrownBy(() -> new StatisticsOptions(4, 10, 10, 20, 1024, 12, null, null, 10, Set.of(), 1))
        .isInstanceOf(ProdlineException.class).hasMessage("statistics option kll_k is 4; it must be between 8 and 65535");
    assertThatThrownBy(() -> new StatisticsOptions(200, 10, 10, 20, 1000, 12, null, null, 10, Set.of(), 1))
        .hasMessageContaining("frequent_items_map_size is 1000; it must be a power of 2");
  }

  @Test
  void emptyStreamHasNoExamples() {
    assertThat(new StatisticsCollector(StatisticsOptions.defaults()).collect(List.<Frame>of().iterator()))
        .isEqualTo(new DatasetStatistics(0, 0, List.of()));
  }

  @Test
  void aBatchWithOtherColumnsIsNamedColumnByColumn() {
    Frame first = Frame.of(List.of("a", "b"), List.<Column>of(Float64Column.of(1), StringColumn.of("x")));
    Frame other = Frame.of(List.of("a", "c"), List.<Column>of(Int64Column.of(1), StringColumn.of("x")));
    assertThatThrownBy(() -> new StatisticsCollector(StatisticsOptions.defaults().withThreads(1))
        .collect(List.of(first, other).iterator()))
        .isInstanceOf(ProdlineException.class)
        .hasMessage("a frame has columns [a:int64, c:string] but the first frame had [a:float64, b:string]; every "
            + "frame of a statistics pass must have the same columns and types");
  }
}
