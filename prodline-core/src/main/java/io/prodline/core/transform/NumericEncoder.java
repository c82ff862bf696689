package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.frame.Column;
import java.util.List;
import java.util.Objects;

/**
 * A numeric (float64, int64 or bool) column run through fitted {@link NumericStep}s in double precision and cast
 * to float: {@code y = (float) step_n(... step_1(x))}; a missing value enters as NaN. With no steps, the value
 * passes through. The JSON form {@code {"kind": "numeric", "input": "x"}} of earlier bundles reads as that.
 *
 * @param name the output's name; defaults to {@code input}
 */
public record NumericEncoder(String name, String input, List<NumericStep> steps) implements FeatureEncoder {
  @JsonCreator
  public NumericEncoder(@JsonProperty("name") String name, @JsonProperty("input") String input,
      @JsonProperty("steps") List<NumericStep> steps) {
    this.input = Objects.requireNonNull(input, "input");
    this.name = name == null ? input : name;
    this.steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** Passes {@code input} through unchanged. */
  public NumericEncoder(String input) {
    this(input, input, List.of());
  }

  @Override
  public List<String> inputs() {
    return List.of(input);
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public List<String> outputNames() {
    return List.of(name);
  }

  @Override
  public void encode(List<Column> columns, float[] out, int stride, int offset) {
    if (steps.isEmpty()) {
      FeatureColumns.writeNumbers(columns.get(0), input, out, stride, offset);
      return;
    }
    double[] values = FeatureColumns.numbers(columns.get(0), input);
    NumericStep.applyAll(steps, values);
    FeatureColumns.write(values, out, stride, offset);
  }
}
