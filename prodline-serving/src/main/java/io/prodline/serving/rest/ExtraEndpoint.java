package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Optional;

/**
 * Paths served beside the model API, such as health probes or metrics, each answering {@code GET} only. Asked
 * before the API's own routes and answered on the event loop, so {@link #get} must be quick and must never wait.
 */
public interface ExtraEndpoint {
  /** The paths it answers. */
  List<String> paths();

  /** The answer to {@code GET path}, {@code path} being one of {@link #paths}. */
  ApiResponse get(String path);

  /**
   * The answer when {@code path} (decoded, no query string) is one of this endpoint's, 405 for a method other than
   * {@code GET}; empty when the path is not this endpoint's.
   */
  default Optional<ApiResponse> answer(HttpMethod method, String path) {
    if (!paths().contains(path)) {
      return Optional.empty();
    }
    if (!method.equals(HttpMethod.GET)) {
      return Optional.of(ApiResponse.methodNotAllowed(method, HttpMethod.GET, path));
    }
    return Optional.of(get(path));
  }

  /** What all of {@code endpoints} answer, as a client whose path matched nothing is told it: {@code GET /metrics}. */
  static List<String> endpointsOf(List<ExtraEndpoint> endpoints) {
    return endpoints.stream().flatMap(e -> e.paths().stream()).map(path -> "GET " + path).toList();
  }
}
