package io.prodline.serving.tls;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.metrics.ServingMetrics;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a server's TLS files again every {@link TlsConfig#reloadEvery} on a daemon thread
 * ({@link TlsCredentials#reloadIfChanged}), logs each certificate taken and each problem (once, not at every look),
 * and counts reloads in the metrics ({@code prodline_tls_reloads_total{result}}) beside the expiry of the
 * certificate in use ({@code prodline_tls_certificate_expiry_timestamp_seconds}), which an alert can watch.
 */
public final class TlsReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TlsReloader.class);

  private final TlsCredentials credentials;
  private final ServingMetrics metrics;
  private final ScheduledExecutorService timer;
  /** The last problem logged, so that a file that stays missing or wrong is reported once. */
  private String lastProblem;

  private TlsReloader(TlsCredentials credentials, ServingMetrics metrics) {
    this.credentials = credentials;
    this.metrics = metrics;
    this.timer = credentials.config().reloadEvery().isZero() ? null
        : Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "prodline-tls-reload");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Exports the certificate's expiry and, unless reloading is off, starts looking at the files. */
  public static TlsReloader start(TlsCredentials credentials, ServingMetrics metrics) {
    TlsReloader reloader = new TlsReloader(credentials, metrics);
    metrics.tlsCertificate(credentials);
    if (reloader.timer != null) {
      long every = credentials.config().reloadEvery().toMillis();
      reloader.timer.scheduleWithFixedDelay(reloader::look, every, every, TimeUnit.MILLISECONDS);
    }
    return reloader;
  }

  /** One look at the files; never throws, so the schedule goes on. */
  void look() {
    try {
      if (credentials.reloadIfChanged()) {
        metrics.tlsReload("success");
        lastProblem = null;
        LOG.info("TLS certificate reloaded from {}: {}, valid until {}; new connections present it",
            credentials.config().describe(), credentials.certificate().getSubjectX500Principal().getName(),
            credentials.expiry());
      }
    } catch (ProdlineException e) {
      if (!e.getMessage().equals(lastProblem)) {
        lastProblem = e.getMessage();
        metrics.tlsReload("failure");
        LOG.warn("TLS files changed but were not taken, the certificate in use stays until they are fixed: {}",
            e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.error("reading the TLS files failed; the certificate in use stays", e);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
