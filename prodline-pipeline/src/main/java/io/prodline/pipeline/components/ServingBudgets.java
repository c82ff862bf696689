package io.prodline.pipeline.components;

import io.prodline.pipeline.model.StepConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The InfraValidator's budgets, {@code latency_budget_ms} and {@code memory_budget_mb}, checked against what it
 * measured. Kept apart from the measuring so that every rule is testable without a server; each broken budget gives
 * one sentence naming the measured value and the budget, which ends up in the Pusher's refusal.
 */
final class ServingBudgets {
  private ServingBudgets() {}

  /** The broken budgets as sentences; empty when every configured budget holds. */
  static List<String> broken(StepConfig config, int requests, double p99LatencyMs, double modelHeapMb) {
    List<String> problems = new ArrayList<>();
    config.optionalNumber("latency_budget_ms").filter(budget -> p99LatencyMs > budget).ifPresent(budget ->
        problems.add(String.format(Locale.ROOT, "the p99 latency of %d requests was %.2f ms, over the budget of "
            + "%s ms", requests, p99LatencyMs, budget)));
    config.optionalNumber("memory_budget_mb").filter(budget -> modelHeapMb > budget).ifPresent(budget ->
        problems.add(String.format(Locale.ROOT, "the loaded model took %.2f MiB of heap, over the budget of %s MiB",
            modelHeapMb, budget)));
    return problems;
  }
}
