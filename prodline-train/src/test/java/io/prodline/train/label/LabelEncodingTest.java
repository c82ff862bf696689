package io.prodline.train.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import org.junit.jupiter.api.Test;

class LabelEncodingTest {
  @Test
  void twoStringClassesAreBinaryAndSorted() {
    StringColumn c = StringColumn.of("malignant", "benign", "benign");
    LabelEncoding e = LabelEncoding.infer("diagnosis", c, null);
    assertThat(e.task()).isEqualTo(Task.BINARY_CLASSIFICATION);
    assertThat(e.classes()).containsExactly("benign", "malignant");
    assertThat(e.encode(c)).containsExactly(1f, 0f, 0f);
  }

  @Test
  void threeClassesAreMulticlass() {
    LabelEncoding e = LabelEncoding.infer("w", StringColumn.of("sun", "rain", "fog", "sun"), null);
    assertThat(e.task()).isEqualTo(Task.MULTICLASS_CLASSIFICATION);
    assertThat(e.classes()).containsExactly("fog", "rain", "sun");
  }

  @Test
  void numbersAreRegressionUnlessOverridden() {
    Int64Column c = Int64Column.of(3, 1, 2, 1);
    assertThat(LabelEncoding.infer("y", c, null).task()).isEqualTo(Task.REGRESSION);
    LabelEncoding classes = LabelEncoding.infer("y", c, Task.MULTICLASS_CLASSIFICATION);
    assertThat(classes.classes()).containsExactly("1", "2", "3");
    assertThat(classes.encode(c)).containsExactly(2f, 0f, 1f, 0f);
  }

  @Test
  void boolLabelsAreBinary() {
    LabelEncoding e = LabelEncoding.infer("churn", BoolColumn.of(true, false), null);
    assertThat(e.classes()).containsExactly("false", "true");
  }

  @Test
  void oneClassIsAnErrorNamingTheLabel() {
    assertThatThrownBy(() -> LabelEncoding.infer("y", StringColumn.of("a", "a"), null))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("'y'").hasMessageContaining("at least two");
  }

  @Test
  void stringRegressionIsAnError() {
    assertThatThrownBy(() -> LabelEncoding.infer("y", StringColumn.of("a", "b"), Task.REGRESSION))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("regression");
  }

  @Test
  void regressionKeepsValues() {
    Float64Column c = Float64Column.of(1.5, -2.25);
    assertThat(LabelEncoding.infer("y", c, null).encode(c)).containsExactly(1.5f, -2.25f);
  }
}
