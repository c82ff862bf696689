package io.prodline.serving.metrics;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.rest.ApiResponse;
import io.prodline.serving.rest.ExtraEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code GET /metrics}: the Prometheus scrape, on whichever port mounts it. The same scrape is also at TF Serving's
 * default path, {@code /monitoring/prometheus/metrics}, and at the path a TF Serving monitoring config sets
 * ({@link TfServingMonitoringConfig}), so scrape configs written for TF Serving need no change.
 */
public final class MetricsEndpoint implements ExtraEndpoint {
  public static final String PATH = "/metrics";
  /** Where TF Serving serves its Prometheus metrics unless its monitoring config names another path. */
  public static final String TF_SERVING_PATH = "/monitoring/prometheus/metrics";
  /** Prometheus' text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ServingMetrics metrics;
  private final List<String> paths;

  /** Serves {@code metrics} at {@link #PATH}, {@link #TF_SERVING_PATH} and {@code extraPath} when given. */
  public MetricsEndpoint(ServingMetrics metrics, Optional<String> extraPath) {
    this.metrics = metrics;
    this.paths = Stream.concat(Stream.of(PATH, TF_SERVING_PATH), extraPath.stream()).distinct().toList();
  }

  @Override
  public List<String> paths() {
    return paths;
  }

  @Override
  public ApiResponse get(String path) {
    return ApiResponse.of(HttpResponseStatus.OK, CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
