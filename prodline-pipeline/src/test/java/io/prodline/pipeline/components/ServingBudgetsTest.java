package io.prodline.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.pipeline.model.StepConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServingBudgetsTest {
  private static StepConfig budgets(double latencyMs, double memoryMb) {
    ObjectNode values = JsonNodeFactory.instance.objectNode().put("latency_budget_ms", latencyMs)
        .put("memory_budget_mb", memoryMb);
    return new StepConfig(values, Path.of("."));
  }

  @Test
  void eachBrokenBudgetIsASentenceNamingTheMeasuredValueAndTheBudget() {
    assertThat(ServingBudgets.broken(budgets(20, 64), 10, 35.5, 80.25)).containsExactly(
        "the p99 latency of 10 requests was 35.50 ms, over the budget of 20.0 ms",
        "the loaded model took 80.25 MiB of heap, over the budget of 64.0 MiB");
  }

  @Test
  void valuesWithinTheirBudgetsOrWithoutABudgetPass() {
    assertThat(ServingBudgets.broken(budgets(20, 64), 10, 20, 64)).isEmpty();
    assertThat(ServingBudgets.broken(new StepConfig(JsonNodeFactory.instance.objectNode(), Path.of(".")), 10,
        1e9, 1e9)).isEmpty();
  }

  @Test
  void p99IsTheNearestRankOfTheMeasuredLatencies() {
    long[] latencies = new long[100];
    for (int i = 0; i < 100; i++) {
      latencies[i] = 100 - i;
    }
    assertThat(Percentile.nearestRank(latencies, 0.99)).isEqualTo(99);
    assertThat(Percentile.nearestRank(new long[] {7, 3}, 0.99)).isEqualTo(7);
    assertThat(Percentile.nearestRank(new long[0], 0.99)).isZero();
  }
}
