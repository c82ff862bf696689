package io.prodline.serving.health;

import java.util.Optional;

/** Whether the server should get traffic; asked on every readiness probe, so it must be cheap. */
@FunctionalInterface
public interface Readiness {
  /** Empty when ready; otherwise one sentence saying what is not ready. */
  Optional<String> notReadyBecause();
}
