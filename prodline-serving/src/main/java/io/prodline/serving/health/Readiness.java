package io.prodline.serving.health;

import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.ServingSnapshot;
import io.prodline.serving.lifecycle.VersionState;
import java.util.Optional;

/**
 * Whether the server should get traffic; asked on every readiness probe ({@code /readyz}, the Open Inference
 * Protocol's server readiness over REST and gRPC), so it must be cheap.
 */
@FunctionalInterface
public interface Readiness {
  /** Empty when ready; otherwise one sentence saying what is not ready. */
  Optional<String> notReadyBecause();

  /**
   * Ready when every model in the lifecycle's routing table has an AVAILABLE version, as Triton's strict
   * readiness: a probe that passes while a model cannot answer would send traffic that fails. A model whose only
   * versions are still LOADING or failed (ERROR) makes the server not ready; one whose old version still serves
   * while a new one loads does not, nor one whose versions were all unloaded (END): it is not meant to answer.
   */
  static Readiness ofModels(ServableManager servables) {
    return () -> {
      ServingSnapshot snapshot = servables.snapshot();
      for (String name : snapshot.names()) {
        ModelSnapshot model = snapshot.model(name);
        boolean allUnloaded = model.statuses().stream().allMatch(v -> v.state() == VersionState.END);
        if (model.defaultVersion().isEmpty() && !allUnloaded) {
          return Optional.of("not ready: model '" + name + "' has no available version: its versions are "
              + model.statuses().stream().map(v -> v.version() + " " + v.state()).toList());
        }
      }
      return Optional.empty();
    };
  }
}
