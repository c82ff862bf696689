package io.prodline.serving.metrics;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.config.ConfigText;
import io.prodline.serving.dashboard.DashboardEndpoint;
import io.prodline.serving.grpc.tfserving.proto.MonitoringConfig;
import io.prodline.serving.health.HealthEndpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * TensorFlow Serving's monitoring config file ({@code --monitoring_config_file}), in protobuf text format:
 * <pre>{@code
 * prometheus_config {
 *   enable: true
 *   path: "/metrics/prometheus"
 * }
 * }</pre>
 * prodline always serves its Prometheus metrics at {@code /metrics} and at TF Serving's default path; a
 * {@code path} the file sets is served as well, so a scrape configuration written for the TF Serving deployment
 * keeps working. With {@code enable: false} the file adds nothing (the metrics stay at the two paths).
 */
public final class TfServingMonitoringConfig {
  /** The paths beside the model API that other endpoints answer. */
  private static final List<String> SERVED_ELSE =
      List.of(HealthEndpoints.LIVE, HealthEndpoints.READY, DashboardEndpoint.PATH);

  private TfServingMonitoringConfig() {}

  /**
   * The extra path {@code file} asks the metrics to be served at, if any; {@link ProdlineException} naming the file
   * and what is wrong when it cannot be read or the path would shadow another endpoint.
   */
  public static Optional<String> path(Path file) {
    MonitoringConfig.Builder config =
        ConfigText.TF_SERVING.read(file, "monitoring config", MonitoringConfig.newBuilder(), "");
    String path = config.getPrometheusConfig().getPath();
    if (!config.getPrometheusConfig().getEnable() || path.isEmpty()) {
      return Optional.empty();
    }
    if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
      throw new ProdlineException(file + ": prometheus_config.path must be a path such as /metrics/prometheus, got '"
          + path + "'");
    }
    if (path.equals("/v1") || path.startsWith("/v1/") || path.equals("/v2") || path.startsWith("/v2/")
        || SERVED_ELSE.contains(path)) {
      throw new ProdlineException(file + ": prometheus_config.path " + path + " is another endpoint's (the model "
          + "API is under /v1 and /v2, and " + SERVED_ELSE + " are taken); choose another, such as "
          + MetricsEndpoint.TF_SERVING_PATH);
    }
    return Optional.of(path);
  }
}
