package io.prodline.serving.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.predict.Predictions;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Top classes per row, as Triton's classification extension words them, without a server. */
class ClassificationTest {
  @Test
  void ordersEachRowsColumnsByValueAndLabelsThemWithTheirClass() {
    Predictions scores = new Predictions(Task.MULTICLASS_CLASSIFICATION, List.of("a", "b", "c", "d"), 2, 4,
        new float[] {1.1f, 3.3f, 0.5f, 2.4f, 0f, 0f, 0.75f, 0f});
    OutputTensor top = Classification.of("predictions", scores, 2, false);
    assertThat(top.datatype()).isEqualTo(DataType.BYTES);
    assertThat(top.shape()).containsExactly(2, 2);
    // Equal values keep their column order.
    assertThat(top.texts()).containsExactly("3.3:1:b", "2.4:3:d", "0.75:2:c", "0.0:0:a");
  }

  @Test
  void aRegressionHasNoLabelAndACountBeyondTheColumnsGivesThemAll() {
    Predictions values = new Predictions(Task.REGRESSION, List.of(), 3, 1, new float[] {-2f, 7.5f, 1e-6f});
    OutputTensor top = Classification.of("predictions", values, 10, true);
    assertThat(top.shape()).containsExactly(3, 1);
    assertThat(top.texts()).containsExactly("-2.0:0", "7.5:0", "1.0E-6:0");
    assertThat(top.binary()).isTrue();
  }

  @Test
  void itsRawLayoutIsTheBytesLayoutInputsAreReadWith() {
    Predictions scores = new Predictions(Task.BINARY_CLASSIFICATION, List.of("stay", "leave"), 2, 1,
        new float[] {0.25f, 0.9f});
    OutputTensor top = Classification.of("predictions", scores, 1, true);
    TensorData decoded = RawTensors.decode(ByteBuffer.wrap(top.raw()), DataType.BYTES, 2, "predictions");
    assertThat(((TensorData.Strings) decoded).values()).containsExactly("0.25:0:leave", "0.9:0:leave");
  }
}
