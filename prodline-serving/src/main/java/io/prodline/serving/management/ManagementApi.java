package io.prodline.serving.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.protocol.MalformedJson;
import io.prodline.serving.repository.ActionRefusedException;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.rest.ApiResponse;
import io.prodline.serving.rest.ExtraEndpoint;
import io.prodline.serving.rest.ExtraEndpoints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one management request; knows nothing of sockets. Every request must carry the bearer token, checked
 * before anything else so that a caller without it learns nothing, not even which paths exist (401).
 *
 * <pre>
 * GET    /models                                 every model
 * GET    /models/&lt;m&gt;                            one model
 * POST   /models/&lt;m&gt;:reload                     rescan; retry failed versions, bring back unloaded ones
 * POST   /models/&lt;m&gt;/versions/&lt;v&gt;:unload      unload one version until the next reload
 * POST   /models/&lt;m&gt;:rollback                   serve the previous version only, pinned until cleared
 * DELETE /models/&lt;m&gt;/pin                        clear the pin: the version policy applies again
 * PUT    /models/&lt;m&gt;/labels/&lt;l&gt;  {"version": n}  set or move a label
 * DELETE /models/&lt;m&gt;/labels/&lt;l&gt;                 remove a label set here (one from the config file: 409)
 * GET    /metrics                                the Prometheus scrape, as on the REST port (when mounted)
 * POST   /v2/repository/index                    Triton's repository index ({@link RepositoryIndex})
 * POST   /v2/repository/models/&lt;m&gt;/load         Triton's load: a reload that must leave a version serving
 * POST   /v2/repository/models/&lt;m&gt;/unload       Triton's unload: every version, until the next load or reload
 * </pre>
 * The last three are Triton's model repository extension, so that a Triton client ({@code tritonclient}'s
 * {@code load_model}, {@code unload_model}, {@code get_model_repository_index}) pointed at this port with the
 * token in its headers manages prodline's models.
 * Actions answer with the model after the change has been carried out (loads and unloads done). Errors: 404 for
 * an unknown path, model, version or label, 405 for a wrong method, 400 for a bad body, 409 for an action the
 * current state does not allow, each with {@code {"error": "..."}}.
 */
public final class ManagementApi {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementApi.class);
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  private static final Pattern MODEL = Pattern.compile("/models/([^/:]+)(:reload|:rollback|/pin)?");
  private static final Pattern VERSION = Pattern.compile("/models/([^/:]+)/versions/([0-9]{1,18}):unload");
  private static final Pattern LABEL = Pattern.compile("/models/([^/:]+)/labels/([^/:]+)");
  private static final Pattern TRITON_MODEL = Pattern.compile("/v2/repository/models/([^/:]+)/(load|unload)");
  static final String ENDPOINTS = "GET /models, GET /models/<m>, POST /models/<m>:reload, "
      + "POST /models/<m>/versions/<v>:unload, POST /models/<m>:rollback, DELETE /models/<m>/pin, "
      + "PUT /models/<m>/labels/<l>, DELETE /models/<m>/labels/<l>, POST /v2/repository/index, "
      + "POST /v2/repository/models/<m>/load, POST /v2/repository/models/<m>/unload";

  private final ModelRepository repository;
  /** The token check, and Triton's repository extension. */
  private final ModelControl control;
  private final ExtraEndpoints extraEndpoints;
  /** What a client whose path matches nothing is told this port answers. */
  private final String endpoints;

  /**
   * @param control the model control over {@code repository} with the management token, shared with the gRPC port's
   *     repository calls
   * @param extraEndpoints paths served beside the management API, such as {@code /metrics}; they need the token
   *     too
   */
  public ManagementApi(ModelRepository repository, ModelControl control, List<ExtraEndpoint> extraEndpoints) {
    this.repository = repository;
    this.control = control;
    this.extraEndpoints = new ExtraEndpoints(extraEndpoints);
    this.endpoints = Stream.concat(Stream.of(ENDPOINTS), this.extraEndpoints.described().stream())
        .collect(Collectors.joining(", "));
  }

  /** The answer; never completes exceptionally. */
  CompletableFuture<ManagementResponse> handle(HttpMethod method, String uri, String authorization, byte[] body) {
    if (!control.authorized(authorization)) {
      return CompletableFuture.completedFuture(ManagementResponse.error(HttpResponseStatus.UNAUTHORIZED,
          "the management API needs the header 'Authorization: Bearer <token>' with the server's management token"));
    }
    String path = new QueryStringDecoder(uri).path();
    Optional<ApiResponse> extra = extraEndpoints.answer(method, path);
    if (extra.isPresent()) {
      ApiResponse a = extra.get();
      return CompletableFuture.completedFuture(new ManagementResponse(a.status(), a.body(), a.contentType()));
    }
    String request = method + " " + path;
    try {
      return route(method, path, body)
          .thenApply(ManagementApi::ok)
          .exceptionally(e -> error(request, e));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(error(request, e));
    }
  }

  private CompletableFuture<?> route(HttpMethod method, String path, byte[] body) {
    if (path.equals("/models")) {
      allow(method, path, HttpMethod.GET);
      List<ModelView> models = repository.names().stream().map(this::view).toList();
      return CompletableFuture.completedFuture(Map.of("models", models));
    }
    Matcher version = VERSION.matcher(path);
    if (version.matches()) {
      allow(method, path, HttpMethod.POST);
      return views(repository.unload(version.group(1), Long.parseLong(version.group(2))), version.group(1));
    }
    Matcher label = LABEL.matcher(path);
    if (label.matches()) {
      String name = label.group(1);
      allow(method, path, HttpMethod.PUT, HttpMethod.DELETE);
      return views(method.equals(HttpMethod.DELETE) ? repository.removeLabel(name, label.group(2))
          : repository.label(name, label.group(2), labelVersion(body)), name);
    }
    if (path.equals("/v2/repository/index")) {
      allow(method, path, HttpMethod.POST);
      return CompletableFuture.completedFuture(control.index(readyOnly(body)));
    }
    Matcher triton = TRITON_MODEL.matcher(path);
    if (triton.matches()) {
      allow(method, path, HttpMethod.POST);
      String name = triton.group(1);
      CompletableFuture<Void> done = triton.group(2).equals("unload") ? control.unload(name)
          : control.load(name, hasLoadParameters(body));
      return done.thenApply(nothing -> Map.of());
    }
    Matcher model = MODEL.matcher(path);
    if (model.matches()) {
      String name = model.group(1);
      String action = model.group(2) == null ? "" : model.group(2);
      switch (action) {
        case ":reload" -> {
          allow(method, path, HttpMethod.POST);
          return views(repository.reload(name), name);
        }
        case ":rollback" -> {
          allow(method, path, HttpMethod.POST);
          return views(repository.rollback(name), name);
        }
        case "/pin" -> {
          allow(method, path, HttpMethod.DELETE);
          return views(repository.unpin(name), name);
        }
        default -> {
          allow(method, path, HttpMethod.GET);
          return CompletableFuture.completedFuture(view(name));
        }
      }
    }
    throw new NotFound("no management endpoint at " + path + "; there are " + endpoints);
  }

  private ModelView view(String name) {
    return ModelView.of(repository.snapshot().model(name), repository.pinned(name));
  }

  /** The model after {@code action}; it may have no version left (all unloaded), which is no error. */
  private CompletableFuture<ModelView> views(CompletableFuture<Void> action, String name) {
    return action.thenApply(done -> repository.snapshot().contains(name) ? view(name)
        : ModelView.empty(name, repository.pinned(name)));
  }

  /** Triton's index request, {@code {"ready": true}} for the serving versions only; an empty body asks for all. */
  private static boolean readyOnly(byte[] body) {
    String expected = "{} or {\"ready\": true|false}";
    JsonNode root = objectBody(body, expected);
    JsonNode ready = root.get("ready");
    if (ready != null && !ready.isBoolean()) {
      throw new ProdlineException("the body must be " + expected + ", got " + root);
    }
    return ready != null && ready.booleanValue();
  }

  /** Whether a Triton load request carries parameters ({@code config}, {@code file:...}); an empty body has none. */
  private static boolean hasLoadParameters(byte[] body) {
    JsonNode parameters = objectBody(body, "{} or {\"parameters\": {...}}").get("parameters");
    return parameters != null && !parameters.isEmpty();
  }

  /** A Triton request's body as a JSON object, an empty body as {@code {}}; else a sentence naming {@code expected}. */
  private static JsonNode objectBody(byte[] body, String expected) {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    JsonNode root = MalformedJson.readTree(JSON, body, body.length);
    if (root == null || !root.isObject()) {
      throw new ProdlineException("the body must be " + expected + ", got "
          + (root == null ? "nothing" : root.toString()));
    }
    return root;
  }

  private static long labelVersion(byte[] body) {
    JsonNode root = MalformedJson.readTree(JSON, body, body.length);
    JsonNode version = root == null ? null : root.get("version");
    if (version == null || !version.canConvertToLong() || !version.isIntegralNumber() || version.longValue() < 1) {
      throw new ProdlineException("the body must be {\"version\": <positive integer>}, got "
          + (root == null ? "nothing" : root.toString()));
    }
    return version.longValue();
  }

  private static void allow(HttpMethod used, String path, HttpMethod... allowed) {
    if (!List.of(allowed).contains(used)) {
      throw new WrongMethod("method " + used + " is not allowed on " + path + "; use "
          + Stream.of(allowed).map(HttpMethod::name).collect(Collectors.joining(" or ")));
    }
  }

  private static ManagementResponse ok(Object value) {
    try {
      return ManagementResponse.ok(JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private static ManagementResponse error(String request, Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    HttpResponseStatus status;
    if (e instanceof NotFound || e instanceof ModelNotFoundException) {
      status = HttpResponseStatus.NOT_FOUND;
    } else if (e instanceof WrongMethod) {
      status = HttpResponseStatus.METHOD_NOT_ALLOWED;
    } else if (e instanceof ActionRefusedException) {
      status = HttpResponseStatus.CONFLICT;
    } else if (e instanceof ProdlineException) {
      status = HttpResponseStatus.BAD_REQUEST;
    } else {
      LOG.error("{} failed unexpectedly", request, e);
      return ManagementResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
          "internal server error while answering " + request + "; the details are in the server log");
    }
    LOG.info("{}: {} {}", request, status.code(), e.getMessage());
    return ManagementResponse.error(status, e.getMessage());
  }

  /** No such endpoint. */
  private static final class NotFound extends ProdlineException {
    NotFound(String message) {
      super(message);
    }
  }

  /** The endpoint exists with another method. */
  private static final class WrongMethod extends ProdlineException {
    WrongMethod(String message) {
      super(message);
    }
  }
}
