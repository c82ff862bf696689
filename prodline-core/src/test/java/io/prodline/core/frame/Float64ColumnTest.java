package io.prodline.core.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Float64ColumnTest {
  @Test
  void aStridedColumnIsOneColumnOfARowMajorMatrixCopiedOut() {
    double[] matrix = {1, 2, 3, 4, 5, 6}; // two rows of three
    Float64Column middle = Float64Column.ofStrided(matrix, 1, 3, 2);
    matrix[1] = -1; // a copy: the matrix's buffer may be reused

    assertThat(middle.size()).isEqualTo(2);
    assertThat(middle.value(0)).isEqualTo(2);
    assertThat(middle.value(1)).isEqualTo(5);
    assertThat(middle.isNull(0)).isFalse();
    assertThat(Float64Column.ofStrided(matrix, 2, 3, 0).size()).isZero();
  }
}
