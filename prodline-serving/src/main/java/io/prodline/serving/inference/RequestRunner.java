package io.prodline.serving.inference;

import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.tensor.TensorModel;
import io.prodline.serving.batching.BatchingConfig;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
 *       predicts through {@link Inference} (batched, and logged, when configured). For a batched model version the
 *       worker first takes its share of the other requests of that version waiting for a worker, decodes them and
 *       runs them all as one batch: they wait in the workers' queue not yet decoded, where the batcher cannot see
 *       them;</li>
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

    /**
     * Decodes, runs and answers the request on a version served as tensors ({@link VersionHandle#tensorModel}),
     * which has no rows to batch or log; runs on a worker. A protocol of rows says, by default, where to call it.
     */
    default T runTensors(VersionHandle version, TensorModel model) {
      throw version.notRows();
    }
  }

  private final ServableManager servables;
  private final Executor workers;
  private final WorkerQueue queue;
  private final Inference inference;
  private final RequestLimits limits;
  private final Deadlines deadlines;
  private final ServingMetrics metrics;

  /**
   * The tasks waiting for the workers (their executor's queue) and how many workers take from it: a worker that
   * starts a request of a batched model version takes its share of the others of that version waiting there and runs
   * them together.
   */
  public record WorkerQueue(Collection<Runnable> waiting, int workers) {
    /** A queue the runner cannot see: each batched request reaches the batcher alone. */
    public static final WorkerQueue UNSEEN = new WorkerQueue(List.of(), 1);
  }

  /** A runner that does not see its workers' queue ({@link WorkerQueue#UNSEEN}). */
  public RequestRunner(ServableManager servables, Executor workers, Inference inference, RequestLimits limits,
      Deadlines deadlines, ServingMetrics metrics) {
    this(servables, workers, WorkerQueue.UNSEEN, inference, limits, deadlines, metrics);
  }

  public RequestRunner(ServableManager servables, Executor workers, WorkerQueue queue, Inference inference,
      RequestLimits limits, Deadlines deadlines, ServingMetrics metrics) {
    this.servables = servables;
    this.workers = workers;
    this.queue = queue;
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
        handle.tensorModel().isEmpty() && handle.predictor().definesMissingValues());
  }

  /** How a TF Serving body for the version {@code handle} holds is decoded: the row limit and its NaN policy. */
  public PredictRequestDecoder.Options decodeOptions(VersionHandle handle) {
    return new PredictRequestDecoder.Options(limits.maxRows(), nonFinite(handle));
  }

  /**
   * Counts a request refused before it could name a model (no such endpoint, a wrong method, a body too large or
   * in an encoding the server cannot read, malformed HTTP), under {@code model=""}, so that error ratios see it.
   */
  public void refused(String protocol, int status) {
    metrics.requestAnswered("", "", protocol, status, 0);
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
    /** The request as {@link #decode} read it. */
    private D decoded;
    private InferenceRequest request;

    Task(Call<D, T> call, VersionHandle handle, CompletableFuture<T> answer, String requestId, RequestTiming timing) {
      this.call = call;
      this.handle = handle;
      this.answer = answer;
      this.requestId = requestId;
      this.timing = timing;
    }

    @Override
    public void run() {
      Optional<TensorModel> tensors = handle.tensorModel();
      if (tensors.isPresent()) {
        runTensors(tensors.get());
        return;
      }
      if (!decode()) {
        return;
      }
      Optional<BatchingConfig> batching = inference.batching(handle);
      if (batching.isEmpty() || queue.waiting().isEmpty()) {
        answerWith(inference.predict(request));
      } else {
        runWithWaitingFollowers(batching.get().maxRows());
      }
    }

    /** Runs a request of a version served as tensors: one model call, no batching, no prediction log. */
    private void runTensors(TensorModel model) {
      if (abandoned()) {
        return;
      }
      timing.workerStarted(System.nanoTime());
      try {
        answer.complete(call.runTensors(handle, model));
      } catch (RuntimeException e) {
        answer.completeExceptionally(e);
      } catch (Error e) {
        answer.completeExceptionally(e);
        throw e;
      } finally {
        handle.close();
      }
    }

    /** Runs this request with its share of the waiting requests of its version ({@link #takeWaitingFollowers}). */
    private void runWithWaitingFollowers(int maxRows) {
      List<Task<?, ?>> together = new ArrayList<>();
      together.add(this);
      List<Task<?, ?>> alone = new ArrayList<>();
      Error error = null;
      try {
        takeWaitingFollowers(maxRows, together, alone);
      } catch (Error e) {
        error = e; // the follower it struck is answered; the requests taken before it still run
      }
      if (together.size() == 1) {
        answerWith(inference.predict(request));
      } else {
        List<CompletableFuture<Predictions>> results;
        try {
          results = inference.predictTogether(together.stream().map(t -> t.request).toList());
        } catch (RuntimeException e) {
          results = together.stream().map(t -> CompletableFuture.<Predictions>failedFuture(e)).toList();
        }
        for (int i = 0; i < together.size(); i++) {
          together.get(i).answerWith(results.get(i));
        }
      }
      for (Task<?, ?> task : alone) {
        task.answerWith(inference.predict(task.request));
      }
      if (error != null) {
        throw error;
      }
    }

    /**
     * Takes this worker's share of the requests for this same loaded version that wait for a worker, oldest first,
     * and decodes them here, so that they run with this one as one batch of at most {@code maxRows} rows: requests
     * that arrive while the workers are busy wait in the workers' queue, not yet decoded, where the batcher would
     * never see them. The share is one worker's part of them (rounded up), so that the other workers batch the rest
     * at the same time instead of waiting for this one (single rows at 16 connections: up to 15% more requests/s
     * than taking them all). A taken request whose rows would overflow the batch goes to {@code alone}; one that
     * fails to decode is answered.
     */
    private void takeWaitingFollowers(int maxRows, List<Task<?, ?>> together, List<Task<?, ?>> alone) {
      // A copy of the queue, not an iterator, which a blocking queue would have to keep up to date until dropped.
      List<Task<?, ?>> sameVersion = new ArrayList<>();
      for (Object queued : queue.waiting().toArray()) {
        if (queued instanceof Task<?, ?> task && task.handle.sameVersionAs(handle)) {
          sameVersion.add(task);
        }
      }
      int share = (sameVersion.size() + queue.workers() - 1) / queue.workers();
      int rows = request.inputs().rowCount();
      for (Task<?, ?> task : sameVersion.subList(0, share)) {
        if (rows >= maxRows) {
          break;
        }
        // remove(Object) under the queue's lock: false when another worker took the request first.
        if (queue.waiting().remove(task) && task.decode()) {
          int taskRows = task.request.inputs().rowCount();
          if (rows + taskRows <= maxRows) {
            together.add(task);
            rows += taskRows;
          } else {
            alone.add(task);
          }
        }
      }
    }

    /**
     * Decodes the request and checks its row limit; false when it is answered already (it failed, or was abandoned
     * while it waited).
     */
    private boolean decode() {
      if (abandoned()) {
        return false;
      }
      timing.workerStarted(System.nanoTime());
      try {
        decoded = call.decode(handle);
        Frame frame = call.frame(decoded);
        if (frame.rowCount() > limits.maxRows()) {
          throw new BadRequestException("the request has " + frame.rowCount() + " rows, more than the "
              + limits.maxRows() + " this server accepts in one request; split it into smaller requests");
        }
        if (abandoned()) {
          return false;
        }
        String bodyId = call.requestId(decoded);
        request = new InferenceRequest(bodyId != null ? bodyId : requestId, handle.model(), handle, frame, timing,
            nonFinite(handle).infinity());
        return true;
      } catch (RuntimeException e) {
        fail(e);
        return false;
      } catch (Error e) {
        // An OutOfMemoryError of one huge request, say: the client is answered and the version released, which
        // would otherwise never unload; the Error then goes on to the worker's own handling.
        fail(e);
        throw e;
      }
    }

    /** Answers the request from its predictions once they come, then releases the version. */
    private void answerWith(CompletableFuture<Predictions> predictions) {
      D read = decoded; // a local for the callback, which may run on another thread
      // A deadline that answers first cancels a prediction still waiting for its batch, so it never runs.
      answer.whenComplete((a, e) -> predictions.cancel(false));
      predictions.whenComplete((p, e) -> {
        try {
          if (e != null) {
            answer.completeExceptionally(e);
          } else {
            answer.complete(call.answer(handle, read, p));
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
