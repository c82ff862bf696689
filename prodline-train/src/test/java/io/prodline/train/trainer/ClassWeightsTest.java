package io.prodline.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {
  private static final List<String> CLASSES = List.of("no", "yes");
  // 6 "no", 2 "yes"
  private static final float[] TARGETS = {0, 0, 0, 1, 0, 0, 1, 0};

  @Test
  void balancedMatchesScikitLearn() {
    // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0,1], y=TARGETS) == [8/12, 8/4]
    float[] w = new ClassWeights("balanced").weights(TARGETS, CLASSES);
    assertThat(w[0]).isEqualTo(8f / 12f);
    assertThat(w[3]).isEqualTo(2f);
  }

  @Test
  void explicitWeightsByClassNameDefaultToOne() {
    float[] w = new ClassWeights("yes=3").weights(TARGETS, CLASSES);
    assertThat(w).containsExactly(1, 1, 1, 3, 1, 1, 3, 1);
  }

  @Test
  void noneGivesNoWeights() {
    assertThat(new ClassWeights(null).weights(TARGETS, CLASSES)).isNull();
  }

  @Test
  void badSpecsAreExplained() {
    assertThatThrownBy(() -> new ClassWeights("yes:3")).hasMessageContaining("'yes:3' is not class=weight");
    assertThatThrownBy(() -> new ClassWeights("yes=-1")).hasMessageContaining("positive weight");
    assertThatThrownBy(() -> new ClassWeights("maybe=2").weights(TARGETS, CLASSES))
        .hasMessageContaining("class 'maybe'").hasMessageContaining("[no, yes]");
    assertThatThrownBy(() -> new ClassWeights("balanced").weights(TARGETS, List.of()))
        .hasMessageContaining("classification");
  }
}
