package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.frame.Column;
import java.util.List;
import java.util.Objects;

/**
 * A part of a date (day of week, month, ...) read from a string column (forms in {@link DateTimeText}), then run
 * through fitted {@link NumericStep}s like a {@link NumericEncoder}: {@code y = (float) steps(part(parse(s)))};
 * a missing value enters as NaN and a string that is not a date is an error naming the feature.
 */
public record DatePartEncoder(String name, String input, DatePart part, List<NumericStep> steps)
    implements FeatureEncoder {
  @JsonCreator
  public DatePartEncoder(@JsonProperty("name") String name, @JsonProperty("input") String input,
      @JsonProperty("part") DatePart part, @JsonProperty("steps") List<NumericStep> steps) {
    this.name = Objects.requireNonNull(name, "name");
    this.input = Objects.requireNonNull(input, "input");
    this.part = Objects.requireNonNull(part, "part");
    this.steps = steps == null ? List.of() : List.copyOf(steps);
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
    double[] values = FeatureColumns.dateParts(columns.get(0), input, part);
    NumericStep.applyAll(steps, values);
    FeatureColumns.write(values, out, stride, offset);
  }
}
