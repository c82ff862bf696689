package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed TF Serving REST path: which endpoint, which model and, optionally, which version.
 *
 * @param endpoint what is asked for
 * @param model the model name from the path
 * @param version the version from {@code /versions/<v>}, empty for the default version
 */
public record Route(Endpoint endpoint, String model, OptionalLong version) {
  /** The endpoints and the one method each accepts. */
  public enum Endpoint {
    PREDICT(HttpMethod.POST),
    STATUS(HttpMethod.GET),
    METADATA(HttpMethod.GET);

    private final HttpMethod method;

    Endpoint(HttpMethod method) {
      this.method = method;
    }

    public HttpMethod method() {
      return method;
    }
  }

  /** What a client gets told when its path matches no endpoint. */
  static final String ENDPOINTS = "GET /v1/models/<name>[/versions/<version>], "
      + "GET /v1/models/<name>[/versions/<version>]/metadata and "
      + "POST /v1/models/<name>[/versions/<version>]:predict";

  private static final Pattern PATH = Pattern.compile(
      "/v1/models/([^/:]+)(?:/versions/([0-9]{1,18}))?(:predict|/metadata)?");

  /** The route of a decoded request path (no query string), or empty when it is not an API path. */
  public static Optional<Route> parse(String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Endpoint endpoint = m.group(3) == null ? Endpoint.STATUS
        : m.group(3).equals(":predict") ? Endpoint.PREDICT : Endpoint.METADATA;
    OptionalLong version = m.group(2) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
    return Optional.of(new Route(endpoint, m.group(1), version));
  }
}
