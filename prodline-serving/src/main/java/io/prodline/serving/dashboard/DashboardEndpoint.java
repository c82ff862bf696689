package io.prodline.serving.dashboard;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.rest.ApiResponse;
import io.prodline.serving.rest.ExtraEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /dashboard}: one self-contained page (no external script, style or font) that reads
 * {@code /v2/models/stats} every two seconds and draws, for each loaded version, its request and row rates, where a
 * request's time goes (queue, input, model, output) and its model calls by batch size. It shows only what the
 * statistics endpoint already tells anyone who can reach the port.
 */
public final class DashboardEndpoint implements ExtraEndpoint {
  public static final String PATH = "/dashboard";
  private static final String CONTENT_TYPE = "text/html; charset=utf-8";

  private final byte[] page;

  public DashboardEndpoint() {
    try (InputStream in = DashboardEndpoint.class.getResourceAsStream("dashboard.html")) {
      if (in == null) {
        throw new IllegalStateException("dashboard.html is missing from the prodline-serving jar");
      }
      page = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard page from the prodline-serving jar", e);
    }
  }

  @Override
  public Optional<ApiResponse> answer(HttpMethod method, String path) {
    if (!path.equals(PATH)) {
      return Optional.empty();
    }
    if (!method.equals(HttpMethod.GET)) {
      return Optional.of(ApiResponse.methodNotAllowed(method, HttpMethod.GET, path));
    }
    return Optional.of(ApiResponse.of(HttpResponseStatus.OK, CONTENT_TYPE, page));
  }

  @Override
  public List<String> endpoints() {
    return List.of("GET " + PATH);
  }
}
