package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The verdict on a candidate model: blessed (fit to replace the baseline) or not, with every check behind it,
 * passed and failed, and the slices flagged as treated unfairly. Fairness flags are reported, not blocking: they
 * call for a look, and a threshold on the slice is how to make one block.
 *
 * @param blessed true when every reason passed
 * @param reasons one per condition of every threshold, in threshold order
 * @param fairnessFlags slices far worse than overall; empty when no fairness check ran
 */
@JsonPropertyOrder({"blessed", "reasons", "fairness_flags"})
public record Blessing(
    @JsonProperty("blessed") boolean blessed,
    @JsonProperty("reasons") List<Reason> reasons,
    @JsonProperty("fairness_flags") List<FairnessFlag> fairnessFlags) {

  public Blessing {
    reasons = List.copyOf(reasons);
    fairnessFlags = List.copyOf(fairnessFlags);
  }

  /** The reasons that failed. */
  public List<Reason> failures() {
    return reasons.stream().filter(r -> !r.passed()).toList();
  }
}
