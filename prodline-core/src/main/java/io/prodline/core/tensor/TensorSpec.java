package io.prodline.core.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named input or output of a {@link TensorModel}, as its graph declares it.
 *
 * @param name the graph's name of the tensor
 * @param type its element type
 * @param shape its dimensions, -1 for one of any size (a symbolic dimension such as the batch)
 */
public record TensorSpec(String name, TensorType type, long[] shape) {
  public TensorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Whether a tensor of {@code given} dimensions fits: the same rank, and every fixed dimension equal. */
  public boolean fits(long[] given) {
    if (given.length != shape.length) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      if (given[i] < 0 || (shape[i] >= 0 && given[i] != shape[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TensorSpec s && s.name.equals(name) && s.type == type && Arrays.equals(s.shape, shape);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, Arrays.hashCode(shape));
  }

  @Override
  public String toString() {
    return name + " " + type + " " + Arrays.toString(shape);
  }
}
