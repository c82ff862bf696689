package io.prodline.serving.health;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.protocol.ErrorBody;
import io.prodline.serving.rest.ApiResponse;
import io.prodline.serving.rest.ExtraEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /healthz} answers 200 while the process can answer at all (a liveness probe: failing it means
 * "restart me"); {@code GET /readyz} answers 200 when {@link Readiness} says so and 503 with the reason otherwise
 * (a readiness probe: failing it means "send no traffic"). Both are answered on the event loop, without waiting
 * for a busy prediction worker, so an overloaded server is not mistaken for a dead one.
 */
public final class HealthEndpoints implements ExtraEndpoint {
  public static final String LIVE = "/healthz";
  public static final String READY = "/readyz";
  private static final List<String> PATHS = List.of(LIVE, READY);
  private static final byte[] ALIVE = "{\"status\":\"alive\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] READY_BODY = "{\"status\":\"ready\"}".getBytes(StandardCharsets.UTF_8);

  private final Readiness readiness;

  public HealthEndpoints(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public List<String> paths() {
    return PATHS;
  }

  @Override
  public ApiResponse get(String path) {
    if (path.equals(LIVE)) {
      return ApiResponse.of(HttpResponseStatus.OK, ApiResponse.JSON, ALIVE);
    }
    Optional<String> problem = readiness.notReadyBecause();
    return problem.isEmpty()
        ? ApiResponse.of(HttpResponseStatus.OK, ApiResponse.JSON, READY_BODY)
        : new ApiResponse(HttpResponseStatus.SERVICE_UNAVAILABLE, ErrorBody.encode(problem.get()), null);
  }
}
