package io.prodline.serving.inference;

import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.handoff.Abandonable;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.lifecycle.VersionSelector;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.NonFiniteInputs;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.statistics.RequestTiming;
import io.prodline.serving.statistics.VersionStatistics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one prediction request of any protocol from lookup to answer, the same way for all of them:
 * <ol>
 *   <li>takes a {@link VersionHandle} on the version asked for (the version stays loaded until it is closed);</li>
 *   <li>arms the request timeout ({@link RequestLimits#timeout()}, or the client's deadline when that comes
 *       first; answered as {@link InferenceFailure#TIMEOUT});</li>
 *   <li>on a prediction worker, never on the caller's network thread: decodes the body, checks the row limit and
 *       predicts through {@link Inference} (batched, and logged, when configured);</li>
 *   <li>encodes the answer, closes the handle once the model is done with the request, and counts the request
 *       in the metrics under its protocol, model, version and status, and in the version's
 *       {@link VersionStatistics} with where its time went ({@link RequestTiming}).</li>
 * </ol>
 * The returned future fails with the exception that ended the request; {@link InferenceFailure#of} tells its kind.
 * Whoever completes it first decides the answer: a caller that completes it itself (its client went away) abandons
 * the request as its deadline would, so a request not yet decoded or predicted never reaches the model, and one
 * waiting for its batch leaves the batch.
 */
public final class RequestRunner {
  /** What a protocol contributes: how to decode its request and encode its answer. */
  public interface Call<D, T> {
    /** Decodes the request for the version that answers it; runs on a worker. */
    D decode(VersionHandle version);

    /** The raw features of a decoded request. */
    Frame frame(D decoded);

    /** The answer to a decoded request from its predictions. */
    T answer(VersionHandle version, D decoded, Predictions predictions);

    /**
     * The id the request body gives itself, which takes precedence over the one the run was given (a header's, or
     * a made-up one); {@code null} when the body has none.
     */
    default String requestId(D decoded) {
      return null;
    }
  }

  private final ServableManager servables;
  private final Executor workers;
  private final Inference inference;
  private final RequestLimits limits;
  private final Deadlines deadlines;
  private final ServingMetrics metrics;

  public RequestRunner(ServableManager servables, Executor workers, Inference inference, RequestLimits limits,
      Deadlines deadlines, ServingMetrics metrics) {
    this.servables = servables;
    this.workers = workers;
    this.inference = inference;
    this.limits = limits;
    this.deadlines = deadlines;
    this.metrics = metrics;
  }

  public ServableManager servables() {
    return servables;
  }

  public RequestLimits limits() {
    return limits;
  }

  public Inference inference() {
    return inference;
  }

  /** The non-finite inputs the version {@code handle} holds takes now ({@link NonFiniteInputs#of}). */
  public NonFiniteInputs nonFinite(VersionHandle handle) {
    return NonFiniteInputs.of(servables.allowNaN(handle.model()), limits.allowNaN(),
        handle.predictor().definesMissingValues());
  }

  /** How a TF Serving body for the version {@code handle} holds is decoded: the row limit and its NaN policy. */
  public PredictRequestDecoder.Options decodeOptions(VersionHandle handle) {
    return new PredictRequestDecoder.Options(limits.maxRows(), nonFinite(handle));
  }

  /** The id a request goes by: the client's, else one made up when the prediction log needs one, else null. */
  public String requestId(String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    return inference.logsPredictions() ? RequestIds.next() : null;
  }

  /**
   * Runs a request for {@code selector}'s version of {@code model}.
   *
   * @param protocol the metrics label of the caller's protocol, e.g. {@link ServingMetrics#REST_V1}
   * @param requestId from {@link #requestId}
   * @param clientTimeout the time left until the client's own deadline, or {@code null} when it has none (REST)
   */
  public <D, T> CompletableFuture<T> run(String protocol, String model, VersionSelector selector, String requestId,
      Duration clientTimeout, Call<D, T> call) {
    RequestTiming timing = RequestTiming.arrivedNow();
    VersionHandle handle;
    try {
      handle = servables.acquire(model, selector);
    } catch (RuntimeException e) {
      String known = servables.snapshot().contains(model) ? model : "";
      metrics.requestAnswered(known, "", protocol, InferenceFailure.of(e).httpStatus(),
          System.nanoTime() - timing.arrivedNanos());
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> answer = new CompletableFuture<>();
    String version = Long.toString(handle.version());
    VersionStatistics statistics = handle.statistics();
    // The caller sees the answer only once it is counted, so a scrape made after an answer always includes it.
    CompletableFuture<T> counted = new CompletableFuture<>();
    answer.whenComplete((a, e) -> {
      long answeredNanos = System.nanoTime();
      metrics.requestAnswered(handle.model(), version, protocol,
          e == null ? 200 : InferenceFailure.of(e).httpStatus(), answeredNanos - timing.arrivedNanos());
      if (e == null) {
        statistics.succeeded(timing, answeredNanos);
        counted.complete(a);
      } else {
        statistics.failed(timing, answeredNanos);
        counted.completeExceptionally(e);
      }
    });
    // A caller that gives up (its client went away) completes the future it holds; the work learns it here.
    counted.whenComplete((a, e) -> {
      if (e != null) {
        answer.completeExceptionally(e);
      }
    });
    deadlines.enforce(answer, limits.timeout(), clientTimeout);
    Task<D, T> task = new Task<>(call, handle, answer, requestId, timing);
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      task.fail(e);
    }
    return counted;
  }

  /** One request on a worker; holds the handle until the model is done with the request. */
  private final class Task<D, T> implements Runnable, Abandonable {
    private final Call<D, T> call;
    private final VersionHandle handle;
    private final CompletableFuture<T> answer;
    private final String requestId;
    private final RequestTiming timing;

    Task(Call<D, T> call, VersionHandle handle, CompletableFuture<T> answer, String requestId, RequestTiming timing) {
      this.call = call;
      this.handle = handle;
      this.answer = answer;
      this.requestId = requestId;
      this.timing = timing;
    }

    @Override
    public void run() {
      if (abandoned()) {
        return;
      }
      timing.workerStarted(System.nanoTime());
      D decoded;
      CompletableFuture<Predictions> predictions;
      try {
        decoded = call.decode(handle);
        Frame frame = call.frame(decoded);
        if (frame.rowCount() > limits.maxRows()) {
          throw new BadRequestException("the request has " + frame.rowCount() + " rows, more than the "
              + limits.maxRows() + " this server accepts in one request; split it into smaller requests");
        }
        if (abandoned()) {
          return;
        }
        String bodyId = call.requestId(decoded);
        predictions = inference.predict(new InferenceRequest(bodyId != null ? bodyId : requestId, handle.model(),
            handle, frame, timing));
      } catch (RuntimeException e) {
        fail(e);
        return;
      } catch (Error e) {
        // An OutOfMemoryError of one huge request, say: the client is answered and the version released, which
        // would otherwise never unload; the Error then goes on to the worker's own handling.
        fail(e);
        throw e;
      }
      // A deadline that answers first cancels a prediction still waiting for its batch, so it never runs.
      answer.whenComplete((a, e) -> predictions.cancel(false));
      predictions.whenComplete((p, e) -> {
        try {
          if (e != null) {
            answer.completeExceptionally(e);
          } else {
            answer.complete(call.answer(handle, decoded, p));
          }
        } catch (RuntimeException x) {
          answer.completeExceptionally(x);
        } finally {
          handle.close();
        }
      });
    }

    /**
     * Whether the request was answered already (its deadline passed or its caller went away) while it waited for
     * a worker or was decoded; its work is then no longer wanted and the handle is closed.
     */
    private boolean abandoned() {
      if (!answer.isDone()) {
        return false;
      }
      handle.close();
      return true;
    }

    void fail(Throwable error) {
      handle.close();
      answer.completeExceptionally(error);
    }

    @Override
    public void abandon() {
      fail(new RejectedExecutionException("the server stopped before the request could run"));
    }
  }
}
