package io.prodline.serving.metrics;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.rest.ApiResponse;
import io.prodline.serving.rest.ExtraEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /metrics}: the Prometheus scrape, on whichever port mounts it. The same scrape is also at TF Serving's
 * default path, {@code /monitoring/prometheus/metrics}, so scrape configs written for TF Serving need no change.
 */
public final class MetricsEndpoint implements ExtraEndpoint {
  public static final String PATH = "/metrics";
  /** Where TF Serving serves its Prometheus metrics unless its monitoring config names another path. */
  public static final String TF_SERVING_PATH = "/monitoring/prometheus/metrics";
  private static final List<String> PATHS = List.of(PATH, TF_SERVING_PATH);
  /** Prometheus' text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ServingMetrics metrics;

  public MetricsEndpoint(ServingMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public List<String> paths() {
    return PATHS;
  }

  @Override
  public ApiResponse get(String path) {
    return ApiResponse.of(HttpResponseStatus.OK, CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
