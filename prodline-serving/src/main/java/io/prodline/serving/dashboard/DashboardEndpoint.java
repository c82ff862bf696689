package io.prodline.serving.dashboard;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.rest.ApiResponse;
import io.prodline.serving.rest.ExtraEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /dashboard}: one self-contained page (no external script, style or font) that reads
 * {@code /v2/models/stats} every two seconds and draws, for each loaded version, its request and row rates, where a
 * request's time goes (queue, input, model, output) and its model calls by batch size. It shows only what the
 * statistics endpoint already tells anyone who can reach the port.
 */
public final class DashboardEndpoint implements ExtraEndpoint {
  public static final String PATH = "/dashboard";
  private static final List<String> PATHS = List.of(PATH);
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
  public List<String> paths() {
    return PATHS;
  }

  @Override
  public ApiResponse get(String path) {
    return ApiResponse.of(HttpResponseStatus.OK, CONTENT_TYPE, page);
  }
}
