package io.prodline.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameTest {
  private static Frame sample() {
    Float64Column.Builder x = new Float64Column.Builder();
    x.append(1.5);
    x.appendNull();
    x.append(Double.NaN);
    StringColumn.Builder s = new StringColumn.Builder();
    s.append("a");
    s.append("b");
    s.appendNull();
    return Frame.of(List.of("x", "s"), List.of(x.build(), s.build()));
  }

  @Test
  void nullIsDistinctFromNaN() {
    Frame f = sample();
    Column x = f.column("x");
    assertThat(x.isNull(1)).isTrue();
    assertThat(x.isNull(2)).isFalse();
    assertThat(((Float64Column) x).value(2)).isNaN();
    assertThat(x.nullCount()).isEqualTo(1);
    assertThat(x.get(1)).isNull();
  }

  @Test
  void stringColumnsShareADictionaryAndMarkNullsWithMinusOne() {
    StringColumn s = StringColumn.of("b", "a", "b", null, "a");
    assertThat(s.dictionary()).containsExactly("b", "a");
    assertThat(s.code(2)).isEqualTo(0);
    assertThat(s.code(3)).isEqualTo(-1);
    assertThat(s.value(3)).isNull();
    assertThat(s.nullCount()).isEqualTo(1);
  }

  @Test
  void takeSelectAndConcatKeepValuesAndNulls() {
    Frame f = sample();
    Frame taken = f.take(new int[] {2, 0});
    assertThat(taken.column("x").getDouble(1)).isEqualTo(1.5);
    assertThat(taken.column("s").isNull(0)).isTrue();
    Frame both = f.concat(taken);
    assertThat(both.rowCount()).isEqualTo(5);
    assertThat(both.column("s").get(4)).isEqualTo("a");
    assertThat(f.select(List.of("s")).names()).containsExactly("s");
    assertThat(f.drop("x").names()).containsExactly("s");
  }

  /** Every type copied row by row: values, NaN and -0 bit for bit, nulls as nulls, strings by value. */
  @Test
  void appendFromCopiesEachTypeExactly() {
    List<Column> sources = List.of(
        column(ColumnType.FLOAT64, 1.5, null, Double.NaN, -0.0),
        column(ColumnType.INT64, Long.MIN_VALUE, null, 0L, Long.MAX_VALUE),
        column(ColumnType.BOOL, true, null, false, true),
        column(ColumnType.STRING, "a", null, "", "a"));
    for (Column source : sources) {
      ColumnBuilder copy = Column.builder(source.type());
      for (int row = source.size() - 1; row >= 0; row--) {
        copy.appendFrom(source, row);
      }
      Column built = copy.build();
      for (int row = 0; row < source.size(); row++) {
        int from = source.size() - 1 - row;
        assertThat(built.isNull(row)).as("%s row %d", source.type(), row).isEqualTo(source.isNull(from));
        assertThat(built.get(row)).as("%s row %d", source.type(), row).isEqualTo(source.get(from));
      }
    }
    ColumnBuilder floats = Column.builder(ColumnType.FLOAT64);
    floats.appendFrom(sources.get(0), 3);
    assertThat(Double.doubleToRawLongBits(((Float64Column) floats.build()).value(0)))
        .as("-0.0 keeps its sign through the copy").isEqualTo(Double.doubleToRawLongBits(-0.0));
    ColumnBuilder strings = Column.builder(ColumnType.STRING);
    assertThatThrownBy(() -> strings.appendFrom(sources.get(0), 0)).isInstanceOf(ClassCastException.class);
  }

  /** Strings copied from two columns in turn, with a truncate between, keep their values and one dictionary. */
  @Test
  void appendFromStringsAcrossColumnsAndATruncate() {
    Column first = column(ColumnType.STRING, "b", "a", "b", null);
    Column second = column(ColumnType.STRING, "c", "a", "c");
    StringColumn.Builder copy = new StringColumn.Builder();
    for (int row = 0; row < 4; row++) {
      copy.appendFrom(first, row);
    }
    copy.appendFrom(second, 0);
    copy.truncate(4); // takes "c" back out of the dictionary
    for (int row = 0; row < 3; row++) {
      copy.appendFrom(second, row);
    }
    copy.appendFrom(first, 0);
    StringColumn built = copy.build();
    List<String> values = new java.util.ArrayList<>();
    for (int row = 0; row < built.size(); row++) {
      values.add(built.value(row));
    }
    assertThat(values).containsExactly("b", "a", "b", null, "c", "a", "c", "b");
    assertThat(built.dictionary()).containsExactly("b", "a", "c");
  }

  /** Rows copied from a column with a large dictionary: a few looked up one by one, then many through a table. */
  @Test
  void appendFromALargeDictionaryKeepsValuesWhetherFewOrManyRowsAreCopied() {
    ColumnBuilder source = Column.builder(ColumnType.STRING);
    for (int i = 0; i < 1000; i++) {
      source.appendObject(i % 7 == 0 ? null : "v" + (i * 31 % 1000));
    }
    Column column = source.build();
    StringColumn.Builder copy = new StringColumn.Builder();
    List<String> expected = new java.util.ArrayList<>();
    for (int row = 999; row >= 0; row -= 3) {
      copy.appendFrom(column, row);
      expected.add((String) column.get(row));
    }
    StringColumn built = copy.build();
    List<String> values = new java.util.ArrayList<>();
    for (int row = 0; row < built.size(); row++) {
      values.add(built.value(row));
    }
    assertThat(values).isEqualTo(expected);
    assertThat(built.dictionary()).doesNotHaveDuplicates().hasSize(new java.util.HashSet<>(expected.stream()
        .filter(java.util.Objects::nonNull).toList()).size());
  }

  private static Column column(ColumnType type, Object... values) {
    ColumnBuilder builder = Column.builder(type);
    for (Object value : values) {
      builder.appendObject(value);
    }
    return builder.build();
  }

  @Test
  void rejectsColumnsOfDifferentLengthsAndDuplicateNames() {
    assertThatThrownBy(() -> Frame.of(List.of("a", "b"), List.of(Int64Column.of(1), Int64Column.of(1, 2))))
        .hasMessageContaining("'b' has 2 rows, expected 1");
    assertThatThrownBy(() -> Frame.of(List.of("a", "a"), List.of(Int64Column.of(1), Int64Column.of(2))))
        .hasMessageContaining("duplicate column name 'a'");
  }

  @Test
  void findsEveryColumnByNameAmongManyWithCollidingHashes() {
    // "Aa" and "BB" share a hash code, as do their concatenations: every probe path is walked.
    List<String> names = new ArrayList<>();
    for (String a : List.of("Aa", "BB")) {
      for (String b : List.of("Aa", "BB")) {
        for (String c : List.of("Aa", "BB")) {
          names.add(a + b + c);
        }
      }
    }
    for (int i = 0; i < 60; i++) {
      names.add("f" + i);
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(Int64Column.of(i));
    }
    Frame frame = Frame.of(names, columns);
    for (int i = 0; i < names.size(); i++) {
      assertThat(frame.indexOf(new String(names.get(i)))).isEqualTo(i);
      assertThat(frame.column(names.get(i)).getDouble(0)).isEqualTo(i);
    }
    assertThat(frame.indexOf("AaAaBb")).isEqualTo(-1);
    assertThat(frame.has("f60")).isFalse();
    assertThatThrownBy(() -> Frame.of(List.of("Aa", "x", "BB", "Aa"), List.of(Int64Column.of(1), Int64Column.of(2),
        Int64Column.of(3), Int64Column.of(4)))).hasMessageContaining("duplicate column name 'Aa'");
  }

  @Test
  void unknownColumnNamesTheKnownOnes() {
    assertThatThrownBy(() -> sample().column("zz")).hasMessageContaining("[x, s]");
  }

  @Test
  void buildersAcceptCompatibleBoxedValuesAndRejectOthers() {
    ColumnBuilder ints = Column.builder(ColumnType.INT64);
    ints.appendObject(3.0);
    ints.appendObject(4L);
    assertThat(ints.build().get(0)).isEqualTo(3L);
    ColumnBuilder more = Column.builder(ColumnType.INT64);
    assertThatThrownBy(() -> more.appendObject(3.5)).hasMessageContaining("expected a int64 value");
    ColumnBuilder bools = Column.builder(ColumnType.BOOL);
    assertThatThrownBy(() -> bools.appendObject("yes")).hasMessageContaining("the string \"yes\"");
  }

  @Test
  void randomBuildsRoundTripThroughGet() {
    Random random = new Random(11);
    for (ColumnType type : ColumnType.values()) {
      ColumnBuilder b = Column.builder(type);
      Object[] expected = new Object[1_000];
      for (int i = 0; i < expected.length; i++) {
        Object v = random.nextInt(5) == 0 ? null : switch (type) {
          case FLOAT64 -> random.nextGaussian();
          case INT64 -> random.nextLong();
          case BOOL -> random.nextBoolean();
          case STRING -> "v" + random.nextInt(30);
        };
        expected[i] = v;
        b.appendObject(v);
      }
      Column c = b.build();
      assertThat(c.size()).isEqualTo(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat(c.get(i)).isEqualTo(expected[i]);
        assertThat(c.isNull(i)).isEqualTo(expected[i] == null);
      }
    }
  }
}
