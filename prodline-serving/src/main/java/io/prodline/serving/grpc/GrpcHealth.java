package io.prodline.serving.grpc;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC's standard health service ({@code grpc.health.v1.Health}), which Kubernetes' {@code grpc} probes, Envoy and
 * gRPC clients' health checking call: service {@code ""} is the server's readiness (the rule of {@code /readyz}),
 * each model's name that model's (an available version). gRPC's {@link HealthStatusManager} answers {@code Check}
 * and streams {@code Watch} updates; this refreshes it every {@value #REFRESH_MILLIS} ms, since readiness is
 * computed from the served models rather than pushed. Unknown services are NOT_FOUND, as the protocol says.
 */
final class GrpcHealth implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcHealth.class);
  static final long REFRESH_MILLIS = 1000;

  private final HealthStatusManager health = new HealthStatusManager();
  private final V2Inference inference;
  private final ScheduledExecutorService refresher;
  /** gRPC's manager logs a warning with a stack trace when told twice, and a stop closes this twice. */
  private boolean closed;
  private Set<String> models = Set.of();

  GrpcHealth(V2Inference inference) {
    this.inference = inference;
    refresh();
    refresher = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "grpc-health");
      thread.setDaemon(true);
      return thread;
    });
    refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  BindableService service() {
    return health.getHealthService();
  }

  private synchronized void refresh() {
    try {
      health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status(inference.ready()));
      Set<String> now = new HashSet<>(inference.modelNames());
      for (String model : now) {
        health.setStatus(model, status(modelReady(model)));
      }
      forgetGone(now);
    } catch (RuntimeException e) {
      // A failed refresh must not end the schedule (an executor drops a task that throws); the next one retries.
      LOG.warn("gRPC health refresh failed: {}", e.toString());
    }
  }

  private boolean modelReady(String model) {
    try {
      return inference.modelReady(model, "");
    } catch (ModelNotFoundException e) {
      return false; // unloaded since the names were read; the next refresh forgets it
    }
  }

  private void forgetGone(Set<String> now) {
    for (String gone : models) {
      if (!now.contains(gone)) {
        health.clearStatus(gone);
      }
    }
    models = now;
  }

  private static ServingStatus status(boolean ready) {
    return ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  /** Every service NOT_SERVING from now on, as a stopping server is: watchers hear it before the port closes. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    refresher.shutdownNow();
    health.enterTerminalState();
  }
}
