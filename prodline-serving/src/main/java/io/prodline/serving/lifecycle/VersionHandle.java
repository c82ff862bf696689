package io.prodline.serving.lifecycle;

import io.prodline.core.predict.Predictor;
import io.prodline.serving.statistics.VersionStatistics;
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

  /** The loaded model; valid until {@link #close()}. */
  public Predictor predictor() {
    return version.predictor();
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
