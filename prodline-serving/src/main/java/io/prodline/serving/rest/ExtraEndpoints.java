package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link ExtraEndpoint}s of one port, found by path in one map read, since every request asks first. */
public final class ExtraEndpoints {
  private final Map<String, ExtraEndpoint> byPath = new HashMap<>();
  private final List<String> described;

  /** @throws IllegalArgumentException when two endpoints claim one path */
  public ExtraEndpoints(List<ExtraEndpoint> endpoints) {
    for (ExtraEndpoint endpoint : endpoints) {
      for (String path : endpoint.paths()) {
        if (byPath.putIfAbsent(path, endpoint) != null) {
          throw new IllegalArgumentException("two endpoints answer " + path);
        }
      }
    }
    described = endpoints.stream().flatMap(e -> e.paths().stream()).map(path -> "GET " + path).toList();
  }

  /**
   * The answer when {@code path} (decoded, no query string) is an extra endpoint's, 405 for a method other than
   * {@code GET}; empty when it is none of theirs.
   */
  public Optional<ApiResponse> answer(HttpMethod method, String path) {
    ExtraEndpoint endpoint = byPath.get(path);
    if (endpoint == null) {
      return Optional.empty();
    }
    return Optional.of(method.equals(HttpMethod.GET) ? endpoint.get(path)
        : ApiResponse.methodNotAllowed(method, HttpMethod.GET, path));
  }

  /** What they answer, as a client whose path matched nothing is told it: {@code GET /metrics}, ... */
  public List<String> described() {
    return described;
  }
}
