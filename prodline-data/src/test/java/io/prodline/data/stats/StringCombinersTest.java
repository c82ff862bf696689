package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.StringColumn;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringCombinersTest {

  @Test
  void topValuesAreExactOnSmallData() {
    TopValuesCombiner c = TopValuesCombiner.create(3, 64);
    c.add(StringColumn.of("b", "a", null, "c", "a", "d", "b", "a", "e", "c"));
    c.add(StringColumn.of("c", "d"));
    TopValuesStatistics s = c.result();

    assertThat(s.exact()).isTrue();
    assertThat(s.maxError()).isZero();
    // a:3, c:3 (tie broken by value), b:2, d:2 (cut by k = 3), e:1
    assertThat(s.topValues()).containsExactly(
        new ValueCount("a", 3, 3, 3), new ValueCount("c", 3, 3, 3), new ValueCount("b", 2, 2, 2));
  }

  @Test
  void topValuesBoundsContainTrueCountsBeyondTheMapSize() {
    // 5 values of 1,000 rows each among 5,000 singletons: far more distinct values than a 256-entry map holds.
    StringColumn.Builder b = new StringColumn.Builder();
    for (int i = 0; i < 5_000; i++) {
      b.append("single-" + i);
      b.append("heavy-" + i % 5);
    }
    TopValuesCombiner c = TopValuesCombiner.create(5, 256);
    c.add(b.build());
    TopValuesStatistics s = c.result();

    assertThat(s.exact()).isFalse();
    assertThat(s.maxError()).isPositive().isLessThanOrEqualTo((long) Math.ceil(3.5 * 10_000 / 256));
    assertThat(s.topValues()).extracting(ValueCount::value)
        .containsExactlyInAnyOrder("heavy-0", "heavy-1", "heavy-2", "heavy-3", "heavy-4");
    assertThat(s.topValues()).allSatisfy(v -> {
      assertThat(v.lowerBound()).isLessThanOrEqualTo(1_000);
      assertThat(v.upperBound()).isGreaterThanOrEqualTo(1_000);
      assertThat(Math.abs(v.count() - 1_000)).isLessThanOrEqualTo(s.maxError());
    });
  }

  @Test
  void distinctCountIsWithinItsErrorBound() {
    Random random = new Random(6);
    StringColumn.Builder b = new StringColumn.Builder();
    for (int i = 0; i < 200_000; i++) {
      b.append("v" + random.nextInt(50_000));
    }
    StringColumn column = b.build();
    DistinctCountCombiner c = DistinctCountCombiner.create(12);
    c.add(column);
    DistinctStatistics s = c.result();

    long exact = column.dictionarySize();
    assertThat(s.relativeStandardError()).isCloseTo(0.01625, within(1e-4));
    assertThat((double) s.estimate()).isCloseTo(exact, within(
        3 * s.relativeStandardError() * exact));
    assertThat(s.lowerBound()).isLessThanOrEqualTo(exact);
    assertThat(s.upperBound()).isGreaterThanOrEqualTo(exact);
  }

  @Test
  void distinctCountIsExactForFewValues() {
    DistinctCountCombiner c = DistinctCountCombiner.create(12);
    c.add(StringColumn.of("x", "y", null, "x", "z"));
    c.add(StringColumn.of("y", "w"));
    assertThat(c.result().estimate()).isEqualTo(4);
  }

  @Test
  void lengthsCountCodePoints() {
    StringLengthCombiner c = StringLengthCombiner.create();
    c.add(StringColumn.of("ab", null, "abcd", "ab", "\uD83D\uDE00"));
    assertThat(c.result()).isEqualTo(new StringLengthStatistics(9.0 / 4, 1L, 4L));
    assertThat(StringLengthCombiner.create().result()).isEqualTo(new StringLengthStatistics(null, null, null));
  }

  @Test
  void bytesRoundTrip() {
    StringColumn column = StringColumn.of("p", "q", "p", null, "r");
    TopValuesCombiner top = TopValuesCombiner.create(2, 64);
    top.add(column);
    DistinctCountCombiner distinct = DistinctCountCombiner.create(10);
    distinct.add(column);
    StringLengthCombiner lengths = StringLengthCombiner.create();
    lengths.add(column);

    assertThat(TopValuesCombiner.fromBytes(top.toBytes()).result()).isEqualTo(top.result());
    assertThat(DistinctCountCombiner.fromBytes(distinct.toBytes()).result()).isEqualTo(distinct.result());
    assertThat(StringLengthCombiner.fromBytes(lengths.toBytes()).result()).isEqualTo(lengths.result());
  }
}
