package io.prodline.serving.repository;

import io.prodline.core.predict.Predictor;
import java.util.Objects;

/**
 * One version directory of a model after loading: either ready to predict or failed, with the reason. A failed
 * version is kept (rather than dropped) so that the status endpoint can tell operators why it is not serving.
 *
 * @param version the positive integer version, from the directory name
 * @param predictor the loaded model, or {@code null} when loading failed
 * @param error why loading failed, or {@code null} when it succeeded
 */
public record ModelVersion(long version, Predictor predictor, String error) {
  public ModelVersion {
    if ((predictor == null) == (error == null)) {
      throw new IllegalArgumentException("a model version has either a predictor or an error, not both or neither");
    }
  }

  static ModelVersion available(long version, Predictor predictor) {
    return new ModelVersion(version, Objects.requireNonNull(predictor, "predictor"), null);
  }

  static ModelVersion failed(long version, String error) {
    return new ModelVersion(version, null, Objects.requireNonNull(error, "error"));
  }

  public boolean isAvailable() {
    return predictor != null;
  }
}
