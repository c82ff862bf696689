package io.prodline.pipeline.run;

import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.store.ArtifactRef;
import io.prodline.metadata.store.ExecutionState;
import io.prodline.metadata.store.RecordedExecution;
import io.prodline.pipeline.model.DataInput;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.InputRef;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Step;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs one step of one run: resolves its inputs, computes its cache key, reuses a cached result or runs the
 * component (with retries, backoff and a timeout per attempt), publishes and records. Never throws: every ending,
 * cancellation included, is a {@link StepOutcome}.
 */
final class StepRunner {
  private final String pipeline;
  private final String runId;
  private final HomeLayout layout;
  private final LineageRecorder recorder;
  private final ModelRegistry registry;
  private final ExecutorService attemptThreads;
  private final RunOptions options;
  private final CacheKeyLocks locks;

  StepRunner(String pipeline, String runId, HomeLayout layout, LineageRecorder recorder, ModelRegistry registry,
      ExecutorService attemptThreads, RunOptions options) {
    this.pipeline = pipeline;
    this.runId = runId;
    this.layout = layout;
    this.recorder = recorder;
    this.registry = registry;
    this.attemptThreads = attemptThreads;
    this.options = options;
    this.locks = new CacheKeyLocks(recorder.store());
  }

  /** @param upstream the outcomes of the steps {@code step} reads from, all successful */
  StepOutcome run(Step step, Map<String, StepOutcome> upstream) {
    Instant start = Instant.now();
    Path logFile = layout.runLogs(runId).resolve(step.name() + ".log");
    try (PrintStream log = openLog(logFile)) {
      Map<String, InputArtifact> inputs = new LinkedHashMap<>();
      Map<String, ArtifactRef> inputRefs = new LinkedHashMap<>();
      Map<String, String> inputFingerprints = new LinkedHashMap<>();
      step.inputs().forEach((name, ref) -> {
        InputArtifact a = output(upstream, ref);
        inputs.put(name, new InputArtifact(name, a.type(), a.path(), a.fingerprint(), a.artifactId()));
        inputRefs.put(name, ArtifactRef.existing(a.artifactId()));
        inputFingerprints.put(name, a.fingerprint());
      });
      Map<String, String> fileFingerprints = new LinkedHashMap<>();
      for (Parameter p : step.component().parameters()) {
        if (p.type() == ParameterType.FILE && step.config().has(p.name())) {
          Path file = step.config().file(p.name());
          String sha = ContentFingerprint.sha256(file);
          fileFingerprints.put(p.name(), sha);
          inputRefs.put(p.name(), recorder.dataFile(file, sha));
        }
      }
      for (DataInput d : step.component().dataInputs(step.config())) {
        fileFingerprints.put(d.name(), d.fingerprint());
        inputRefs.put(d.name(), recorder.dataFile(d.uri(), d.fingerprint()));
        log.println("reads " + d.uri() + " (sha256 " + d.fingerprint() + ")");
      }
      Path staging = layout.staging(UUID.randomUUID().toString());
      Map<String, String> extra = step.component().extraCacheInputs(context(step, inputs, staging, log));
      String key = CacheKey.of(step, inputFingerprints, fileFingerprints, extra);
      log.printf("step %s (%s v%d), run %s%ncache key %s%n", step.name(), step.component().name(),
          step.component().version(), runId, key);
      if (!options.useCache()) {
        return attempts(step, inputs, inputRefs, key, log, start);
      }
      Optional<StepOutcome> hit = cached(step, key, inputRefs, log, start);
      if (hit.isPresent()) {
        return hit.get();
      }
      try (CacheKeyLocks.Held held = locks.acquire(key, () -> log.println("an identical execution is running; "
          + "waiting for it to reuse its outputs"))) {
        hit = cached(step, key, inputRefs, log, start);
        return hit.isPresent() ? hit.get() : attempts(step, inputs, inputRefs, key, log, start);
      } catch (InterruptedException e) {
        log.println("cancelled while waiting for an identical execution");
        RecordedExecution r = recorder.unsuccessful(step, runId, ExecutionState.CANCELED, key, inputRefs, 0,
            "cancelled");
        return new StepOutcome(step.name(), StepState.CANCELED, r.execution().id(), Map.of(), 0, "cancelled",
            Duration.between(start, Instant.now()));
      }
    } catch (IOException | RuntimeException e) {
      return new StepOutcome(step.name(), StepState.FAILED, 0, Map.of(), 0, message(e),
          Duration.between(start, Instant.now()));
    }
  }

  /** A cache hit recorded as CACHED, or empty on a miss. */
  private Optional<StepOutcome> cached(Step step, String key, Map<String, ArtifactRef> inputRefs, PrintStream log,
      Instant start) {
    return recorder.cachedOutputs(key, step).map(outputs -> {
      RecordedExecution r = recorder.cached(step, runId, key, inputRefs, outputs);
      log.println("cache hit: reusing the outputs of an earlier execution, recorded as execution "
          + r.execution().id());
      return new StepOutcome(step.name(), StepState.CACHED, r.execution().id(), outputs, 0, null,
          Duration.between(start, Instant.now()));
    });
  }

  private StepOutcome attempts(Step step, Map<String, InputArtifact> inputs, Map<String, ArtifactRef> inputRefs,
      String key, PrintStream log, Instant start) throws IOException {
    int attempt = 0;
    while (true) {
      attempt++;
      Path staging = layout.staging(UUID.randomUUID().toString());
      try {
        Files.createDirectories(staging);
        options.listener().stepStarted(step.name(), attempt);
        log.println("attempt " + attempt + " started " + Instant.now());
        Attempt.run(attemptThreads, step.component(), context(step, inputs, staging, log), step.timeout());
        Map<String, InputArtifact> outputs = publish(step, staging);
        RecordedExecution r = recorder.complete(step, runId, key, inputRefs, outputs, attempt);
        log.println("complete: recorded as execution " + r.execution().id());
        Map<String, InputArtifact> recorded = new LinkedHashMap<>();
        int i = 0;
        for (InputArtifact o : outputs.values()) {
          long id = r.outputs().get(i++).id();
          recorded.put(o.name(), new InputArtifact(o.name(), o.type(), o.path(), o.fingerprint(), id));
        }
        return new StepOutcome(step.name(), StepState.COMPLETE, r.execution().id(), recorded, attempt, null,
            Duration.between(start, Instant.now()));
      } catch (InterruptedException e) {
        Publisher.discard(staging);
        log.println("cancelled during attempt " + attempt);
        RecordedExecution r = recorder.unsuccessful(step, runId, ExecutionState.CANCELED, key, inputRefs, attempt,
            "cancelled");
        return new StepOutcome(step.name(), StepState.CANCELED, r.execution().id(), Map.of(), attempt, "cancelled",
            Duration.between(start, Instant.now()));
      } catch (ExecutionException | Attempt.TimedOut | IOException | RuntimeException e) {
        Publisher.discard(staging);
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String error = message(cause);
        log.println("attempt " + attempt + " failed: " + error);
        cause.printStackTrace(log);
        if (attempt > step.retry().retries()) {
          RecordedExecution r = recorder.unsuccessful(step, runId, ExecutionState.FAILED, key, inputRefs, attempt,
              error);
          return new StepOutcome(step.name(), StepState.FAILED, r.execution().id(), Map.of(), attempt, error,
              Duration.between(start, Instant.now()));
        }
        Duration delay = step.retry().delayBefore(attempt + 1);
        options.listener().stepRetrying(step.name(), attempt, error, delay);
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException cancelled) {
          RecordedExecution r = recorder.unsuccessful(step, runId, ExecutionState.CANCELED, key, inputRefs,
              attempt, "cancelled");
          return new StepOutcome(step.name(), StepState.CANCELED, r.execution().id(), Map.of(), attempt,
              "cancelled", Duration.between(start, Instant.now()));
        }
      }
    }
  }

  /** Checks that every declared output was written, publishes the attempt's folder, fingerprints each output. */
  private Map<String, InputArtifact> publish(Step step, Path staging) throws IOException {
    for (Port port : step.signature().outputs()) {
      if (!Files.exists(staging.resolve(port.name()))) {
        throw new IllegalStateException(step.component().name() + " finished without writing output '"
            + port.name() + "'");
      }
    }
    Path target = layout.published(pipeline, step.name(), UUID.randomUUID().toString());
    Publisher.publish(staging, target);
    Map<String, InputArtifact> outputs = new LinkedHashMap<>();
    for (Port port : step.signature().outputs()) {
      Path dir = target.resolve(port.name());
      String sha = Files.isDirectory(dir) ? DirectoryFingerprint.of(dir) : ContentFingerprint.sha256(dir);
      outputs.put(port.name(), new InputArtifact(port.name(), port.type(), dir, sha, 0));
    }
    return outputs;
  }

  private AttemptContext context(Step step, Map<String, InputArtifact> inputs, Path staging, PrintStream log) {
    return new AttemptContext(step, runId, inputs, staging, log, layout.home(), registry);
  }

  private static InputArtifact output(Map<String, StepOutcome> upstream, InputRef ref) {
    InputArtifact a = upstream.get(ref.step()).outputs().get(ref.output());
    if (a == null) {
      throw new IllegalStateException("step " + ref.step() + " succeeded without output " + ref.output());
    }
    return a;
  }

  private static PrintStream openLog(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    OutputStream out = Files.newOutputStream(file);
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
