package io.prodline.train.evaluate;

import static io.prodline.train.evaluate.Fixtures.binary;
import static io.prodline.train.evaluate.Fixtures.regression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlicingTest {
  // Rows:               0     1     2     3     4     5     6     7
  private static final Frame FEATURES = Frame.of(List.of("country", "age", "member", "visits"), List.of(
      StringColumn.of("FR", "DE", "DE", "FR", null, "DE", "FR", "DE"),
      Float64Column.of(15, 22, 35, 40, 61, 18, Double.NaN, 30),
      BoolColumn.of(true, false, true, true, false, false, true, false),
      Int64Column.of(3, 1, 3, 10, 1, 3, 10, 1)));
  private static final float[] P = {0.9f, 0.2f, 0.8f, 0.3f, 0.6f, 0.1f, 0.7f, 0.4f};
  private static final double[] Y = {1, 0, 1, 1, 0, 0, 1, 1};

  private static Evaluation evaluate(SliceSpec... specs) {
    return Evaluator.evaluate(binary(P, Y), FEATURES, List.of(specs));
  }

  @Test
  void slicesByCategoricalValueInTextOrderMissingLast() {
    Evaluation e = evaluate(SliceSpec.values("country"));
    assertThat(e.slices()).extracting(SliceMetrics::slice)
        .containsExactly("country=DE", "country=FR", "country=(missing)");
    assertThat(e.slices()).extracting(SliceMetrics::count).containsExactly(4L, 3L, 1L);
    SliceMetrics de = e.slice("country=DE").orElseThrow();
    assertThat(de.features()).containsEntry("country", "DE");
    // DE rows 1, 2, 5, 7: p [0.2, 0.8, 0.1, 0.4], y [0, 1, 0, 1] -> AUC 1.0, accuracy 3/4
    assertThat(de.value(Metric.ROC_AUC)).isEqualTo(1.0);
    assertThat(de.value(Metric.ACCURACY)).isEqualTo(0.75);
    // FR rows 0, 3, 6 are all positive
    assertThat(e.slice("country=FR").orElseThrow().value(Metric.ROC_AUC)).isNull();
    assertThat(e.overall().count()).isEqualTo(8);
    assertThat(e.slice("overall")).contains(e.overall());
  }

  @Test
  void slicesBooleansAndIntegersByValue() {
    Evaluation e = evaluate(SliceSpec.values("member"), SliceSpec.values("visits"));
    assertThat(e.slices()).extracting(SliceMetrics::slice).containsExactly(
        "member=false", "member=true", "visits=1", "visits=3", "visits=10");
    assertThat(e.slices()).extracting(SliceMetrics::count).containsExactly(4L, 4L, 3L, 3L, 2L);
  }

  @Test
  void bucketsAreLeftClosedAndEmptyBucketsAreReportedWithCountZero() {
    Evaluation e = evaluate(SliceSpec.buckets("age", 18, 30, 100, 200));
    assertThat(e.slices()).extracting(SliceMetrics::slice).containsExactly(
        "age=[-inf, 18)", "age=[18, 30)", "age=[30, 100)", "age=[100, 200)", "age=[200, inf)", "age=(missing)");
    // 15 | 22, 18 | 35, 40, 61, 30 | - | - | NaN
    assertThat(e.slices()).extracting(SliceMetrics::count).containsExactly(1L, 2L, 4L, 0L, 0L, 1L);
    SliceMetrics empty = e.slice("age=[100, 200)").orElseThrow();
    assertThat(empty.metrics()).isEmpty();
    assertThat(empty.confusionMatrix()).isNull();
  }

  @Test
  void crossesKeepOnlyOccupiedPairs() {
    Evaluation e = evaluate(SliceSpec.cross(SliceSpec.values("country"), SliceSpec.buckets("age", 30)));
    assertThat(e.slices()).extracting(SliceMetrics::slice).containsExactly(
        "country=DE, age=[-inf, 30)", "country=DE, age=[30, inf)",
        "country=FR, age=[-inf, 30)", "country=FR, age=[30, inf)", "country=FR, age=(missing)",
        "country=(missing), age=[30, inf)");
    assertThat(e.slices()).extracting(SliceMetrics::count).containsExactly(2L, 2L, 1L, 1L, 1L, 1L);
    assertThat(e.slices().get(0).features()).containsEntry("country", "DE").containsEntry("age", "[-inf, 30)");
  }

  @Test
  void sliceMetricsEqualMetricsOfTheSliceAlone() {
    Evaluation e = Evaluator.evaluate(regression(P, Y), FEATURES, List.of(SliceSpec.values("member")));
    SliceMetrics members = e.slice("member=true").orElseThrow();
    // member rows 0, 2, 3, 6
    SliceMetrics alone = Fixtures.overall(regression(new float[] {0.9f, 0.8f, 0.3f, 0.7f}, 1, 1, 1, 1));
    assertThat(members.value(Metric.RMSE)).isCloseTo(alone.value(Metric.RMSE), within(0.0));
    assertThat(members.count()).isEqualTo(4);
  }

  @Test
  void badSpecsAreRefused() {
    assertThatThrownBy(() -> SliceSpec.buckets("age", 30, 18)).hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> evaluate(SliceSpec.buckets("country", 1))).hasMessageContaining("string column");
    assertThatThrownBy(() -> evaluate(SliceSpec.values("height"))).hasMessageContaining("no column 'height'");
  }
}
