package io.prodline.train.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prodline.core.transform.CategoryEncoding;
import java.util.List;
import java.util.Objects;

/**
 * One output feature, as configured: either a raw {@code input} column run through {@code steps} in order, or a
 * {@code cross} of several string columns.
 *
 * <p>With no steps, a numeric column passes through and a string column gets a vocabulary (index encoding): the
 * default transform. A string column's steps are an optional {@code fill} then {@code vocabulary} or
 * {@code hash}, or {@code date_part} followed by numeric steps. A numeric chain may hold at most one analyzer,
 * or two when the first is {@code fill} with {@code mean}: that keeps fitting to a single pass.
 *
 * @param name the output's name (defaults to {@code input}); one-hot outputs are named from it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureSpec(String name, String input, List<StepSpec> steps, Cross cross) {
  public FeatureSpec {
    if ((input == null) == (cross == null)) {
      throw new IllegalArgumentException("a feature needs exactly one of input or cross");
    }
    if (cross != null && steps != null && !steps.isEmpty()) {
      throw new IllegalArgumentException("a cross takes no steps");
    }
    if (name == null) {
      if (input == null) {
        throw new IllegalArgumentException("a cross needs a name");
      }
      name = input;
    }
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** Crosses string columns into hashed buckets, as TensorFlow's {@code sparse.cross_hashed}. */
  public record Cross(List<String> inputs, int buckets, CategoryEncoding encoding) {
    public Cross {
      Objects.requireNonNull(inputs, "a cross needs inputs");
      inputs = List.copyOf(inputs);
      if (inputs.size() < 2) {
        throw new IllegalArgumentException("a cross needs at least 2 inputs, got " + inputs);
      }
      if (buckets < 1 || buckets > 1_000_000) {
        throw new IllegalArgumentException("a cross needs 1 <= buckets <= 1000000, got " + buckets);
      }
      encoding = encoding == null ? CategoryEncoding.INDEX : encoding;
    }
  }

  /** Feature {@code input}, named as its column, through {@code steps}. */
  public static FeatureSpec of(String input, StepSpec... steps) {
    return new FeatureSpec(input, input, List.of(steps), null);
  }

  /** Feature {@code name} computed from column {@code input} through {@code steps}. */
  public static FeatureSpec named(String name, String input, StepSpec... steps) {
    return new FeatureSpec(name, input, List.of(steps), null);
  }

  /** Feature {@code name}: the hashed cross of {@code inputs}. */
  public static FeatureSpec cross(String name, List<String> inputs, int buckets, CategoryEncoding encoding) {
    return new FeatureSpec(name, null, null, new Cross(inputs, buckets, encoding));
  }

  /** The raw columns this feature reads. */
  public List<String> inputs() {
    return cross == null ? List.of(input) : cross.inputs();
  }
}
