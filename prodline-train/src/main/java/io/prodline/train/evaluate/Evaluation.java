package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.prodline.core.bundle.Task;
import java.util.List;
import java.util.Optional;

/**
 * The result of evaluating one model on one data set: metrics over all rows and per slice.
 *
 * @param task what the model predicts; decides which metrics are present
 * @param classes class names in model output order; empty for regression
 * @param overall metrics over all rows, the slice named {@code overall}
 * @param slices metrics per slice, in the order of the slice specs and then of each spec's slices
 */
@JsonPropertyOrder({"task", "classes", "overall", "slices"})
public record Evaluation(
    @JsonProperty("task") Task task,
    @JsonProperty("classes") List<String> classes,
    @JsonProperty("overall") SliceMetrics overall,
    @JsonProperty("slices") List<SliceMetrics> slices) {

  public Evaluation {
    classes = List.copyOf(classes);
    slices = List.copyOf(slices);
  }

  /** The slice of that name ({@code overall} for all rows), if this evaluation has it. */
  public Optional<SliceMetrics> slice(String name) {
    if (SliceKey.OVERALL_NAME.equals(name)) {
      return Optional.of(overall);
    }
    return slices.stream().filter(s -> s.slice().equals(name)).findFirst();
  }
}
