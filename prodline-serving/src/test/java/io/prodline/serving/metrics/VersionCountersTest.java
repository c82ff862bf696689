package io.prodline.serving.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.statistics.RequestTiming;
import io.prodline.serving.statistics.VersionStatistics;
import org.junit.jupiter.api.Test;

/** A loaded version's statistics as Prometheus counters: read at each scrape, gone when the version is unloaded. */
class VersionCountersTest {
  @Test
  void followTheStatisticsAndDisappearWithTheirVersionOnly() {
    try (ServingMetrics metrics = new ServingMetrics()) {
      VersionStatistics first = new VersionStatistics();
      VersionStatistics second = new VersionStatistics();
      metrics.watch("m", 1, first);
      metrics.watch("m", 2, second);
      RequestTiming timing = new RequestTiming(0, 1);
      timing.workerStarted(500_000_000);
      timing.inputsReady(4, 750_000_000);
      timing.modelRan(1_000_000_000, 3_000_000_000L);
      first.succeeded(timing, 3_500_000_000L);
      first.executed(4, 0, 2_000_000_000, 0);

      assertThat(metrics.scrape())
          .contains("prodline_inference_rows_total{model=\"m\",version=\"1\"} 4.0")
          .contains("prodline_model_executions_total{model=\"m\",version=\"1\"} 1.0")
          .contains("prodline_inference_queue_seconds_total{model=\"m\",version=\"1\"} 0.75")
          .contains("prodline_inference_compute_input_seconds_total{model=\"m\",version=\"1\"} 0.25")
          .contains("prodline_inference_compute_infer_seconds_total{model=\"m\",version=\"1\"} 2.0")
          .contains("prodline_inference_compute_output_seconds_total{model=\"m\",version=\"1\"} 0.5")
          .contains("prodline_inference_rows_total{model=\"m\",version=\"2\"} 0.0");

      metrics.forget("m", 1);
      assertThat(metrics.scrape()).doesNotContain("version=\"1\"")
          .contains("prodline_inference_rows_total{model=\"m\",version=\"2\"} 0.0");
    }
  }
}
