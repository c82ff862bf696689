package io.prodline.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A truncated builder builds exactly what a builder that never saw the dropped rows builds. */
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
