package io.prodline.serving.lifecycle;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.predict.Predictor;
import io.prodline.core.tensor.TensorModel;
import io.prodline.serving.statistics.VersionStatistics;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to use one loaded version for one request. While any handle is open the version stays loaded, even
 * after a newer one has taken over; so close it as soon as the request has its answer (try-with-resources), since
 * holding it delays unloading the old version and keeps its memory in use. Closing twice is harmless.
 */
public final class VersionHandle implements AutoCloseable {
  private final ServableVersion version;
  private final AtomicBoolean closed = new AtomicBoolean();

  VersionHandle(ServableVersion version) {
    this.version = version;
  }

  public String model() {
    return version.model();
  }

  public long version() {
    return version.version();
  }

  /**
   * The loaded predictor; valid until {@link #close()}. A version served as tensors has none, and a request for rows
   * of features (TF Serving's formats) is told, with a 400, to use the protocol that serves it.
   */
  public Predictor predictor() {
    Predictor predictor = version.loaded().predictor();
    if (predictor == null) {
      throw notRows();
    }
    return predictor;
  }

  /** The 400 of a request for rows of features to a version served as tensors: where to call it instead. */
  public ProdlineException notRows() {
    return new ProdlineException("model '" + model() + "' version " + version() + " is served as the tensors its "
        + "graph declares, not as rows of features; call it through the Open Inference Protocol, POST /v2/models/"
        + model() + "/infer (or gRPC ModelInfer), whose GET /v2/models/" + model() + " lists the tensors");
  }

  /** The loaded tensor model, for a version served tensor for tensor; empty for one served as a predictor. */
  public Optional<TensorModel> tensorModel() {
    return Optional.ofNullable(version.loaded().tensors());
  }

  /** Whether {@code other} is a handle on the same loaded version. */
  public boolean sameVersionAs(VersionHandle other) {
    return version.loaded() == other.version.loaded();
  }

  /** Where the request's figures go; still valid (though no longer reported) after the version is unloaded. */
  public VersionStatistics statistics() {
    return version.statistics();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      version.release();
    }
  }
}
