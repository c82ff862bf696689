package io.prodline.serving.rest.v2;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Open Inference Protocol REST path.
 *
 * @param endpoint what is asked for
 * @param model the model from the path; empty for server-wide endpoints and every model's statistics
 * @param version the version from {@code /versions/<v>}; empty for the default version
 */
record V2Route(Endpoint endpoint, String model, String version) {
  /** The endpoints and the one method each accepts. */
  enum Endpoint {
    SERVER_METADATA(HttpMethod.GET),
    LIVE(HttpMethod.GET),
    READY(HttpMethod.GET),
    MODEL_METADATA(HttpMethod.GET),
    MODEL_READY(HttpMethod.GET),
    MODEL_CONFIG(HttpMethod.GET),
    STATISTICS(HttpMethod.GET),
    INFER(HttpMethod.POST);

    private final HttpMethod method;

    Endpoint(HttpMethod method) {
      this.method = method;
    }

    HttpMethod method() {
      return method;
    }
  }

  /** What a client gets told when its {@code /v2} path matches no endpoint. */
  static final String ENDPOINTS = "GET /v2, GET /v2/health/live, GET /v2/health/ready, "
      + "GET /v2/models/<name>[/versions/<version>], GET /v2/models/<name>[/versions/<version>]/ready, "
      + "GET /v2/models/<name>[/versions/<version>]/config, GET /v2/models[/<name>[/versions/<version>]]/stats and "
      + "POST /v2/models/<name>[/versions/<version>]/infer";

  private static final Pattern MODEL_PATH =
      Pattern.compile("/v2/models/([^/]+)(?:/versions/([^/]+))?(/ready|/config|/stats|/infer)?");

  /** Whether the path belongs to this protocol; such paths are answered here, with a 404 when unknown. */
  static boolean isV2(String path) {
    return path.equals("/v2") || path.startsWith("/v2/");
  }

  /** The route of a decoded request path (no query string), or empty when it names no endpoint. */
  static Optional<V2Route> parse(String path) {
    switch (path) {
      case "/v2" -> {
        return Optional.of(new V2Route(Endpoint.SERVER_METADATA, "", ""));
      }
      case "/v2/health/live" -> {
        return Optional.of(new V2Route(Endpoint.LIVE, "", ""));
      }
      case "/v2/health/ready" -> {
        return Optional.of(new V2Route(Endpoint.READY, "", ""));
      }
      // Every model's statistics, as Triton has it: so a model named "stats" has no metadata path over REST.
      case "/v2/models/stats" -> {
        return Optional.of(new V2Route(Endpoint.STATISTICS, "", ""));
      }
      default -> {
        Matcher m = MODEL_PATH.matcher(path);
        if (!m.matches()) {
          return Optional.empty();
        }
        Endpoint endpoint = m.group(3) == null ? Endpoint.MODEL_METADATA : switch (m.group(3)) {
          case "/ready" -> Endpoint.MODEL_READY;
          case "/config" -> Endpoint.MODEL_CONFIG;
          case "/stats" -> Endpoint.STATISTICS;
          default -> Endpoint.INFER;
        };
        return Optional.of(new V2Route(endpoint, m.group(1), m.group(2) == null ? "" : m.group(2)));
      }
    }
  }
}
