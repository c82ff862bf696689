package io.prodline.serving.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prodline.serving.batching.BatchObserver;
import io.prodline.serving.predictionlog.PredictionLog;
import io.prodline.serving.statistics.VersionStatistics;
import io.prodline.serving.tls.TlsCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Every meter the server exports, in one registry per server. Recording is lock-free once a meter exists: meters
 * are cached in concurrent maps and Micrometer's timers and counters update striped atomics.
 *
 * <p>Labels take only values the server knows (a served model, a loaded version, a status code), never raw
 * client input, so a client cannot grow the number of series; requests naming no known model are counted under
 * {@code model=""}.
 */
public final class ServingMetrics implements BatchObserver, AutoCloseable {
  /**
   * The protocol label of TF Serving's REST API; other protocols add their own ({@code rest_v2}, {@code grpc},
   * {@code grpc_tfserving}).
   */
  public static final String REST_V1 = "rest_v1";
  /** The protocol label of the Open Inference Protocol over REST. */
  public static final String REST_V2 = "rest_v2";
  /** The protocol label of the Open Inference Protocol over gRPC. */
  public static final String GRPC = "grpc";
  /** The protocol label of TF Serving's gRPC API ({@code tensorflow.serving.PredictionService}). */
  public static final String GRPC_TFSERVING = "grpc_tfserving";

  private static final Duration[] LATENCY_BUCKETS = durations(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
      0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
  private static final double[] ROW_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384};

  private static final String INFERENCE_ROWS = "prodline.inference.rows";
  private static final String MODEL_EXECUTIONS = "prodline.model.executions";
  private static final String QUEUE_TIME = "prodline.inference.queue";
  private static final String INPUT_TIME = "prodline.inference.compute.input";
  private static final String INFER_TIME = "prodline.inference.compute.infer";
  private static final String OUTPUT_TIME = "prodline.inference.compute.output";
  private static final List<String> VERSION_COUNTERS =
      List.of(INFERENCE_ROWS, MODEL_EXECUTIONS, QUEUE_TIME, INPUT_TIME, INFER_TIME, OUTPUT_TIME);

  private record RequestKey(String model, String version, String protocol, int status) {}

  private record VersionKey(String model, long version) {}

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();
  private final Map<VersionKey, DistributionSummary> batches = new ConcurrentHashMap<>();
  private final MultiGauge versionGauge = MultiGauge.builder("prodline.model.versions")
      .description("Versions of each model in each state: available, loading, error, unloading, new, end")
      .register(registry);
  private volatile Supplier<Map<String, Map<String, Integer>>> versionStates;

  public ServingMetrics() {
    // Two of ProcessorMetrics' names break Prometheus' naming rules (promtool check metrics flags them): a
    // gauge ending in _count, and a CPU time in nanoseconds, which Prometheus wants in seconds. The first is
    // renamed; the second is dropped, process_cpu_usage tells the same.
    registry.config()
        .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")))
        .meterFilter(new MeterFilter() {
          @Override
          public Meter.Id map(Meter.Id id) {
            return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
          }
        });
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
  }

  /**
   * Counts an answered request and its latency.
   *
   * @param model a served model's name, or {@code ""} when the request named none the server has
   * @param version the version that answered, or {@code ""} when none did
   * @param status the HTTP status, or for gRPC the HTTP status its code maps to
   */
  public void requestAnswered(String model, String version, String protocol, int status, long nanos) {
    RequestKey key = new RequestKey(model, version, protocol, status);
    Timer timer = requests.get(key);
    if (timer == null) {
      timer = requests.computeIfAbsent(key, k -> Timer.builder("prodline.request.duration")
          .description("Time from a request's arrival to its answer, by model, version, protocol and status")
          .tags("model", k.model(), "version", k.version(), "protocol", k.protocol(),
              "status", Integer.toString(k.status()))
          .serviceLevelObjectives(LATENCY_BUCKETS)
          .register(registry));
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Exports when the certificate {@code credentials} present now expires, following reloads, and the reload counters
   * at 0, so that an alert on their increase sees the first failure too (a series that appears at 1 has none).
   */
  public void tlsCertificate(TlsCredentials credentials) {
    tlsReloads("success");
    tlsReloads("failure");
    Gauge.builder("prodline.tls.certificate.expiry.timestamp", credentials, c -> c.expiry().getEpochSecond())
        .description("When the TLS certificate the server presents now stops being valid, in Unix time")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Counts a reload of the TLS files: {@code success}, or {@code failure} when changed files could not be used. */
  public void tlsReload(String result) {
    tlsReloads(result).increment();
  }

  private Counter tlsReloads(String result) {
    return Counter.builder("prodline.tls.reloads")
        .description("TLS certificate files taken after they changed, or refused as unusable")
        .tags("result", result)
        .register(registry);
  }

  /** Counts a model version event: {@code load}, {@code load_failure} or {@code unload}. */
  public void modelEvent(String model, long version, String event) {
    Counter.builder("prodline.model.events")
        .description("Model versions loaded, failed to load and unloaded")
        .tags("model", model, "version", Long.toString(version), "event", event)
        .register(registry)
        .increment();
  }

  /**
   * Exports {@code prodline_server_info{transport="..."} 1}: which socket implementation the REST port runs on,
   * since without {@code --transport} a server falls back from io_uring to epoll where io_uring cannot start.
   */
  public void serverStarted(String transport) {
    Gauge.builder("prodline.server.info", () -> 1)
        .description("Always 1; its labels say how the server runs")
        .tag("transport", transport)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void queueCreated(String model, long version, IntSupplier depth) {
    // Held strongly: the supplier is referenced by nothing else, so a weakly held gauge read NaN after a GC.
    Gauge.builder("prodline.batch.queue.depth", depth, IntSupplier::getAsInt)
        .description("Requests waiting in a model version's batching queue")
        .tags("model", model, "version", Long.toString(version))
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void queueRetired(String model, long version) {
    registry.find("prodline.batch.queue.depth").tags("model", model, "version", Long.toString(version)).meters()
        .forEach(registry::remove);
  }

  @Override
  public void batchRan(String model, long version, int rows) {
    VersionKey key = new VersionKey(model, version);
    DistributionSummary summary = batches.get(key);
    if (summary == null) {
      summary = batches.computeIfAbsent(key, k -> DistributionSummary.builder("prodline.batch.size")
          .description("Rows per model call made by the dynamic batcher")
          .baseUnit("rows")
          .tags("model", k.model(), "version", Long.toString(k.version()))
          .serviceLevelObjectives(ROW_BUCKETS)
          .register(registry));
    }
    summary.record(rows);
  }

  /**
   * Exports the statistics of a loaded version as counters, so the split of request time that Triton's statistics
   * extension reports can be graphed and summed across replicas: rows answered, model calls, and the seconds
   * successful requests spent queued, preparing inputs, in the model and building outputs. Read at each scrape.
   */
  public void watch(String model, long version, VersionStatistics statistics) {
    Tags tags = Tags.of("model", model, "version", Long.toString(version));
    versionCounter(INFERENCE_ROWS, "Rows answered successfully", null, tags, statistics,
        VersionStatistics::inferenceCount);
    versionCounter(MODEL_EXECUTIONS, "Model calls; with dynamic batching one call answers several requests", null,
        tags, statistics, VersionStatistics::executionCount);
    versionCounter(QUEUE_TIME, "Time successful requests waited for a worker and for the model", "seconds", tags,
        statistics, s -> s.queueNanos() / 1e9);
    versionCounter(INPUT_TIME, "Time spent decoding successful requests and encoding their rows", "seconds", tags,
        statistics, s -> s.inputNanos() / 1e9);
    versionCounter(INFER_TIME, "Time of the model calls that answered successful requests, per request", "seconds",
        tags, statistics, s -> s.inferNanos() / 1e9);
    versionCounter(OUTPUT_TIME, "Time spent building the answers of successful requests", "seconds", tags,
        statistics, s -> s.outputNanos() / 1e9);
  }

  /** Stops exporting the statistics of a version that is being unloaded. */
  public void forget(String model, long version) {
    for (String name : VERSION_COUNTERS) {
      registry.find(name).tags("model", model, "version", Long.toString(version)).meters()
          .forEach(registry::remove);
    }
  }

  private void versionCounter(String name, String description, String unit, Tags tags,
      VersionStatistics statistics, ToDoubleFunction<VersionStatistics> value) {
    FunctionCounter.builder(name, statistics, value).description(description).baseUnit(unit).tags(tags)
        .register(registry);
  }

  /** Exports the prediction log's written, dropped, failed and sampled-out records and its queue depth. */
  public void watch(PredictionLog log) {
    FunctionCounter.builder("prodline.prediction.log.written", log, PredictionLog::written)
        .description("Prediction records that reached the sink's destination").register(registry);
    FunctionCounter.builder("prodline.prediction.log.dropped", log, PredictionLog::dropped)
        .description("Prediction records dropped because the log's queue was full").register(registry);
    FunctionCounter.builder("prodline.prediction.log.failed", log, PredictionLog::failed)
        .description("Prediction records the sink failed to write").register(registry);
    FunctionCounter.builder("prodline.prediction.log.sampled.out", log, PredictionLog::sampledOut)
        .description("Requests not recorded because their model logs only a sample").register(registry);
    Gauge.builder("prodline.prediction.log.queue.depth", log, PredictionLog::queued)
        .description("Prediction records waiting for the sink").register(registry);
  }

  /**
   * Exports {@code prodline_model_versions{model, state}}: how many versions of each model are in each state
   * ({@code available}, {@code loading}, {@code error}, ...), every state of every model (0 included), read from
   * {@code states} at each scrape. An alert on {@code prodline_model_versions{state="error"} > 0} sees a version that
   * failed to load, the first one too.
   *
   * @param states per model, the count of versions per state name
   */
  public void watchVersionStates(Supplier<Map<String, Map<String, Integer>>> states) {
    versionStates = states;
  }

  /** The metrics in Prometheus' text exposition format. */
  public String scrape() {
    Supplier<Map<String, Map<String, Integer>>> states = versionStates;
    if (states != null) {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      states.get().forEach((model, byState) -> byState.forEach((state, count) ->
          rows.add(MultiGauge.Row.of(Tags.of("model", model, "state", state), count))));
      versionGauge.register(rows, true);
    }
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private static Duration[] durations(double... seconds) {
    Duration[] out = new Duration[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      out[i] = Duration.ofNanos(Math.round(seconds[i] * 1e9));
    }
    return out;
  }
}
