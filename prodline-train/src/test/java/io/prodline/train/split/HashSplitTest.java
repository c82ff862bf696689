package io.prodline.train.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.util.Arrays;
import java.util.List;
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

  @Test
  void rejectsFractionsOutsideZeroToOne() {
    assertThatThrownBy(() -> new HashSplit(1.0, null, 0)).hasMessageContaining("between 0 and 1");
  }
}
