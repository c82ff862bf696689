package io.prodline.serving.lifecycle;

import io.prodline.serving.batching.ModelBatching;
import java.util.Optional;

/**
 * What request code needs of the lifecycle: the current routing table and handles on loaded versions. Both are
 * lock-free, so request threads never wait for a load or an unload.
 */
public interface ServableManager {
  /** Retries when a version started draining between lookup and acquisition; one retry is the usual worst case. */
  int MAX_ACQUIRE_ATTEMPTS = 64;

  /** The routing table as of now. */
  ServingSnapshot snapshot();

  /**
   * Whether NaN and infinities may reach {@code model}, as its configuration says; empty when it does not say,
   * which leaves it to the server's default rule. A manager without configuration never says.
   */
  default Optional<Boolean> allowNaN(String model) {
    return Optional.empty();
  }

  /**
   * {@code model}'s own dynamic batching, as its configuration says; empty when it does not say, which leaves it to
   * the server's options. A manager without configuration never says.
   */
  default Optional<ModelBatching> batching(String model) {
    return Optional.empty();
  }

  /**
   * The share of {@code model}'s requests the prediction log records, as its configuration says; empty when it does
   * not say, which records all. A manager without configuration never says.
   */
  default Optional<Double> logSampling(String model) {
    return Optional.empty();
  }

  /**
   * A handle on the available version {@code selector} names; close it when the request has its answer.
   *
   * @throws ModelNotFoundException naming what exists when there is no such model, version or label, or when it
   *     is not available
   */
  default VersionHandle acquire(String model, VersionSelector selector) {
    for (int attempt = 0; attempt < MAX_ACQUIRE_ATTEMPTS; attempt++) {
      // A version refuses handles only after a snapshot without it was published, so looking again finds another.
      VersionHandle handle = snapshot().model(model).resolve(selector).tryAcquire();
      if (handle != null) {
        return handle;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("model '" + model + "': no version could be acquired after "
        + MAX_ACQUIRE_ATTEMPTS + " attempts; versions are being swapped faster than requests can start");
  }
}
