package io.prodline.app;

import java.nio.file.Path;

/**
 * Where prodline keeps local state (models, metadata, logs): {@code --home}, else {@code $PRODLINE_HOME}, else
 * {@code ./.prodline}.
 */
final class Home {
  private Home() {}

  static Path resolve(Path option) {
    if (option != null) {
      return option;
    }
    String env = System.getenv("PRODLINE_HOME");
    return Path.of(env != null && !env.isBlank() ? env : ".prodline");
  }
}
