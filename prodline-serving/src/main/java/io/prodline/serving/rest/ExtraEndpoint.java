package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Optional;

/**
 * A path served beside the model API, such as health probes or metrics. Asked before the API's own routes and
 * answered on the event loop, so it must be quick and must never wait.
 */
public interface ExtraEndpoint {
  /** The answer when {@code path} (decoded, no query string) is this endpoint's; empty otherwise. */
  Optional<ApiResponse> answer(HttpMethod method, String path);

  /** What it answers, as a client is told it: method and path, e.g. {@code GET /metrics}. */
  List<String> endpoints();

  /** What all of {@code endpoints} answer, for telling a client whose path matched nothing. */
  static List<String> endpointsOf(List<ExtraEndpoint> endpoints) {
    return endpoints.stream().flatMap(e -> e.endpoints().stream()).toList();
  }
}
