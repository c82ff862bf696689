package io.prodline.serving.testing;

import io.prodline.core.fs.AtomicFiles;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on an ephemeral loopback port, serving the {@link TestRepository} models, started once per test
 * class: {@code @RegisterExtension static final TestServer served = new TestServer();}. Its callbacks run before
 * the class's own {@code @BeforeAll} methods, so those can already send requests.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<ServerConfig> configuration;
  private Path root;
  private ModelServer server;
  private HttpTestClient http;

  /** A server with the default configuration. */
  public TestServer() {
    this(UnaryOperator.identity());
  }

  /** A server whose configuration is the default one changed by {@code configuration}, e.g. to turn batching on. */
  public TestServer(UnaryOperator<ServerConfig> configuration) {
    this.configuration = configuration;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    root = Files.createTempDirectory("prodline-test-models");
    TestRepository.create(root);
    server = new ModelServer(configuration.apply(ServerConfig.defaults(root).withBindAddress("127.0.0.1")))
        .start(0);
    http = new HttpTestClient(server.actualPort());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      server.stop();
    } finally {
      AtomicFiles.deleteRecursively(root);
    }
  }

  public ModelServer server() {
    return server;
  }

  public HttpTestClient http() {
    return http;
  }
}
