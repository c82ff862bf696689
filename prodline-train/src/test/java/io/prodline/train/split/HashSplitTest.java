package io.prodline.train.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.text.ShortestDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HashSplitTest {
  private static Frame ids(int n) {
    return Frame.of(List.of("id"), List.of(Int64Column.of(LongStream.range(0, n).toArray())));
  }

  @Test
  void sameInputGivesSameSplit() {
    Frame f = ids(5_000);
    HashSplit.Result a = new HashSplit(0.2, null, 0).split(f);
    HashSplit.Result b = new HashSplit(0.2, null, 0).split(f);
    assertThat(a.evalRows()).isEqualTo(b.evalRows());
    assertThat(a.trainRows().length + a.evalRows().length).isEqualTo(5_000);
  }

  @Test
  void evalShareIsCloseToTheFraction() {
    HashSplit.Result r = new HashSplit(0.2, null, 0).split(ids(20_000));
    assertThat(r.evalRows().length / 20_000.0).isBetween(0.19, 0.21);
  }

  @Test
  void aRowKeepsItsSideWhenOtherRowsAreAdded() {
    HashSplit.Result small = new HashSplit(0.3, "id", 7).split(ids(1_000));
    HashSplit.Result large = new HashSplit(0.3, "id", 7).split(ids(3_000));
    int[] largeEvalBelow1000 = Arrays.stream(large.evalRows()).filter(r -> r < 1_000).toArray();
    assertThat(largeEvalBelow1000).isEqualTo(small.evalRows());
  }

  @Test
  void equalKeysLandOnTheSameSide() {
    String[] keys = IntStream.range(0, 2_000).mapToObj(i -> "customer-" + (i % 100)).toArray(String[]::new);
    Frame f = Frame.of(List.of("customer"), List.of(StringColumn.of(keys)));
    HashSplit.Result r = new HashSplit(0.25, "customer", 0).split(f);
    for (int row : r.evalRows()) {
      assertThat(Arrays.stream(r.trainRows()).noneMatch(t -> keys[t].equals(keys[row]))).isTrue();
    }
  }

  @Test
  void differentSeedsGiveDifferentSplits() {
    Frame f = ids(2_000);
    assertThat(new HashSplit(0.2, null, 1).split(f).evalRows())
        .isNotEqualTo(new HashSplit(0.2, null, 2).split(f).evalRows());
  }

  /**
   * The split hashes a row's key value by value; this builds each row's key as one string by the documented rules
   * (every value's text and U+001F; a float64's shortest form, a missing value as null) and hashes that instead.
   */
  @Test
  void aRowsSideIsTheHashOfItsWholeKeyAsDocumented() {
    int n = 3_000;
    Random random = new Random(5);
    Float64Column.Builder numbers = new Float64Column.Builder();
    Int64Column.Builder counts = new Int64Column.Builder();
    BoolColumn.Builder flags = new BoolColumn.Builder();
    StringColumn.Builder names = new StringColumn.Builder();
    for (int row = 0; row < n; row++) {
      switch (row % 5) {
        case 0 -> numbers.appendNull();
        // A double Java 17's Double.toString writes with 18 digits, one more than its shortest form.
        case 1 -> numbers.append(-2.3184525677263325E17);
        default -> numbers.append(Double.longBitsToDouble(random.nextLong()) % 1e6);
      }
      if (row % 7 == 0) {
        counts.appendNull();
      } else {
        counts.append(random.nextInt(1_000) - 500);
      }
      flags.append(random.nextBoolean());
      names.append(row % 3 == 0 ? "café " + row : "n" + random.nextInt(50));
    }
    Frame frame = Frame.of(List.of("x", "count", "flag", "name"),
        List.of(numbers.build(), counts.build(), flags.build(), names.build()));
    long seed = 11;
    HashSplit.Result result = new HashSplit(0.3, null, seed).split(frame);

    List<Integer> expectedEval = new ArrayList<>();
    for (int row = 0; row < n; row++) {
      Object x = frame.column(0).get(row);
      String key = (x == null ? "null" : ShortestDecimal.of((Double) x)) + "\u001f"
          + frame.column(1).get(row) + "\u001f" + frame.column(2).get(row) + "\u001f" + frame.column(3).get(row)
          + "\u001f";
      if (Long.remainderUnsigned(HashSplit.hash(key, seed), 10_000) < 3_000) {
        expectedEval.add(row);
      }
    }
    assertThat(result.evalRows()).containsExactly(expectedEval.stream().mapToInt(Integer::intValue).toArray());
    assertThat(result.trainRows().length + result.evalRows().length).isEqualTo(n);
  }

  @Test
  void rejectsFractionsOutsideZeroToOne() {
    assertThatThrownBy(() -> new HashSplit(1.0, null, 0)).hasMessageContaining("between 0 and 1");
  }
}
