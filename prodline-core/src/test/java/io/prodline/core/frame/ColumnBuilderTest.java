package io.prodline.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Column builders: a truncated builder builds exactly what a builder that never saw the dropped rows builds, and
 * values appended in bulk keep their nulls.
 */
class ColumnBuilderTest {
  @Test
  void truncatedRowsLeaveNoValueNullOrDictionaryEntryBehind() {
    Float64Column.Builder doubles = new Float64Column.Builder(4);
    Int64Column.Builder longs = new Int64Column.Builder(4);
    BoolColumn.Builder bools = new BoolColumn.Builder(4);
    StringColumn.Builder strings = new StringColumn.Builder(4);
    doubles.append(1.5);
    longs.append(7);
    bools.append(true);
    strings.append("kept");

    doubles.append(2.5);
    doubles.appendNull();
    longs.append(8);
    bools.append(true);
    strings.append("kept");
    strings.append("dropped");
    strings.appendNull();
    for (ColumnBuilder b : new ColumnBuilder[] {doubles, longs, bools, strings}) {
      b.truncate(1);
      b.appendNull();
    }

    Float64Column d = doubles.build();
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.value(0)).isEqualTo(1.5);
    assertThat(d.isNull(1)).isTrue();
    assertThat(d.value(1)).isZero();
    Int64Column l = longs.build();
    assertThat(l.value(1)).isZero();
    assertThat(l.isNull(1)).isTrue();
    BoolColumn b = bools.build();
    assertThat(b.value(1)).isFalse();
    assertThat(b.nullCount()).isEqualTo(1);
    StringColumn s = strings.build();
    assertThat(s.dictionary()).containsExactly("kept");
    assertThat(s.code(1)).isEqualTo(-1);
  }

  /** A bulk copy after single values: its missing rows are null and hold the placeholder, not the copied bits. */
  @Test
  void bulkAppendedValuesMarkedMissingAreNullsWithThePlaceholder() {
    Float64Column.Builder doubles = new Float64Column.Builder(1);
    Int64Column.Builder longs = new Int64Column.Builder(1);
    doubles.append(0.5);
    longs.append(5);
    BitSet missing = new BitSet();
    missing.set(1);
    missing.set(2);
    doubles.append(DoubleBuffer.wrap(new double[] {9, 1.5, 2.5, 3.5}, 1, 3), missing);
    longs.append(LongBuffer.wrap(new long[] {1, 2, 3}), missing);
    doubles.append(DoubleBuffer.wrap(new double[] {4.5}), null);
    BoolColumn.Builder bools = new BoolColumn.Builder(1);
    bools.append(false);
    bools.append(BitSet.valueOf(new long[] {0b1111}), 3, missing); // a fourth true bit beyond the count
    bools.append(true);
    Float64Column d = doubles.build();
    Int64Column l = longs.build();
    assertThat(List.of(d.get(0), d.get(1), d.get(4))).containsExactly(0.5, 1.5, 4.5);
    assertThat(List.of(d.isNull(2), d.isNull(3), d.value(2), d.value(3))).containsExactly(true, true, 0.0, 0.0);
    assertThat(List.of(l.get(0), l.get(1), l.isNull(2), l.isNull(3), l.value(3))).containsExactly(5L, 1L, true,
        true, 0L);
    BoolColumn b = bools.build();
    assertThat(List.of(b.get(0), b.get(1), b.isNull(2), b.isNull(3), b.value(3), b.get(4))).containsExactly(false,
        true, true, true, false, true);
  }

  @Test
  void aValueFirstSeenInADroppedRowGetsTheNextCodeWhenAppendedAgain() {
    StringColumn.Builder strings = new StringColumn.Builder();
    strings.append("a");
    strings.append("b");
    strings.truncate(1);
    strings.append("c");
    strings.append("b");
    StringColumn s = strings.build();
    assertThat(s.dictionary()).containsExactly("a", "c", "b");
    assertThat(s.value(2)).isEqualTo("b");
  }

  @Test
  void aBuilderSizedForItsRowsBuildsThemAndOneThatGrowsToo() {
    ColumnBuilder exact = Column.builder(ColumnType.INT64, 2);
    ColumnBuilder grown = Column.builder(ColumnType.INT64, 1);
    for (long v = 0; v < 2; v++) {
      exact.appendObject(v);
      grown.appendObject(v);
    }
    assertThat(exact.build().get(1)).isEqualTo(1L);
    assertThat(grown.build().get(1)).isEqualTo(1L);
  }

  @Test
  void truncatingBeyondTheRowsIsAnError() {
    Int64Column.Builder longs = new Int64Column.Builder();
    longs.append(1);
    assertThatThrownBy(() -> longs.truncate(2)).isInstanceOf(IllegalArgumentException.class);
  }
}
