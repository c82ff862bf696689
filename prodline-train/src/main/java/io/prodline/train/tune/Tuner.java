package io.prodline.train.tune;

import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.evaluate.Direction;
import io.prodline.train.evaluate.Metric;
import io.prodline.train.trainer.Trainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Searches a {@link SearchSpace}: trains each configuration with {@link TrainingJob} (the same split and transform
 * for all, so scores compare), at most {@code parallel} at a time, scores it on the eval split, then retrains the
 * best configuration and explains the choice. A failing configuration is recorded as a failed trial and the search
 * goes on; only a search where every trial fails is an error.
 */
public final class Tuner {
  private final Function<Map<String, Object>, Trainer> trainers;
  private final int parallel;
  private final long seed;
  private final TrialListener listener;

  /**
   * @param trainers makes the trainer for one configuration
   * @param parallel most trials training at once
   * @param seed of random draws
   */
  public Tuner(Function<Map<String, Object>, Trainer> trainers, int parallel, long seed, TrialListener listener) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
    }
    this.trainers = trainers;
    this.parallel = parallel;
    this.seed = seed;
    this.listener = listener;
  }

  public TuneResult tune(Frame data, TrainingResult.DataSource source, TrainingSpec base, SearchSpace space,
                         Strategy strategy, int trials) {
    List<Trial> all = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      Search search = new Search(data, source, base, space, pool, all);
      List<Trial> finalists = switch (strategy) {
        case RANDOM -> search.run(Sampler.random(space, trials, seed));
        case GRID -> search.run(Sampler.grid(space));
        case HALVING -> search.halving(trials);
      };
      List<Trial> ranked = search.ranked(finalists);
      if (ranked.isEmpty()) {
        throw new ProdlineException("every one of the " + all.size() + " trials failed; the first error: "
            + all.get(0).error());
      }
      Trial best = ranked.get(0);
      Trial runnerUp = ranked.size() > 1 ? ranked.get(1) : null;
      TrainingResult retrained = TrainingJob.run(data, source, base.withTrainer(trainers.apply(best.params())));
      return new TuneResult(search.metric, all, best, runnerUp, retrained,
          explain(search.metric, strategy, all.size(), best, runnerUp));
    } finally {
      pool.shutdownNow();
    }
  }

  static String explain(Metric metric, Strategy strategy, int trials, Trial best, Trial runnerUp) {
    String direction = metric.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower";
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Chose trial %d %s: %s %.4f on the eval split, the best of %d trials (%s search; %s is better).",
        best.number(), best.params(), metric.key(), best.score(), trials, strategy.name().toLowerCase(Locale.ROOT),
        direction));
    if (runnerUp != null) {
      s.append(String.format(Locale.ROOT, " Runner-up: trial %d %s with %.4f (%.4f behind).", runnerUp.number(),
          runnerUp.params(), runnerUp.score(), Math.abs(best.score() - runnerUp.score())));
    }
    return s.toString();
  }

  /** One search's state: trials so far and the metric, fixed by the task of the first successful trial. */
  private final class Search {
    final Frame data;
    final TrainingResult.DataSource source;
    final TrainingSpec base;
    final SearchSpace space;
    final ExecutorService pool;
    final List<Trial> all;
    Metric metric;

    Search(Frame data, TrainingResult.DataSource source, TrainingSpec base, SearchSpace space, ExecutorService pool,
           List<Trial> all) {
      this.data = data;
      this.source = source;
      this.base = base;
      this.space = space;
      this.pool = pool;
      this.all = all;
      this.metric = space.metric() == null ? null : Metric.fromKey(space.metric());
    }

    List<Trial> halving(int count) {
      SearchSpace.Halving h = space.halving();
      if (h == null) {
        throw new IllegalArgumentException("successive halving needs a 'halving' section in the search space "
            + "(param, min, max, factor)");
      }
      List<Map<String, Object>> configs = Sampler.random(space, count, seed);
      int budget = h.min();
      while (true) {
        List<Map<String, Object>> withBudget = new ArrayList<>();
        for (Map<String, Object> c : configs) {
          Map<String, Object> b = new LinkedHashMap<>(c);
          b.put(h.param(), budget);
          withBudget.add(b);
        }
        List<Trial> rung = ranked(run(withBudget));
        int keep = (int) Math.ceil(rung.size() / (double) h.factor());
        if (budget >= h.max() || rung.size() <= 1) {
          return rung;
        }
        configs = rung.subList(0, keep).stream().map(t -> (Map<String, Object>) new LinkedHashMap<>(t.params()))
            .toList();
        budget = Math.min(h.max(), budget * h.factor());
      }
    }

    List<Trial> run(List<Map<String, Object>> configs) {
      List<Future<Trial>> futures = new ArrayList<>();
      for (Map<String, Object> config : configs) {
        Map<String, Object> params = new LinkedHashMap<>(space.fixed());
        params.putAll(config);
        int number = all.size() + futures.size() + 1;
        futures.add(pool.submit(() -> trial(number, params)));
      }
      List<Trial> done = new ArrayList<>();
      for (Future<Trial> f : futures) {
        try {
          done.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ProdlineException("tuning was interrupted");
        } catch (ExecutionException e) {
          throw new ProdlineException("a trial crashed: " + e.getCause(), e.getCause());
        }
      }
      all.addAll(done);
      return done;
    }

    private Trial trial(int number, Map<String, Object> params) {
      TrainingResult result;
      try {
        result = TrainingJob.run(data, source, base.withTrainer(trainers.apply(params)));
      } catch (RuntimeException e) {
        Trial failed = new Trial(number, params, Map.of(), Double.NaN, e.getMessage());
        listener.finished(failed, null);
        return failed;
      }
      Double value = result.metrics().get(metricFor(result.labels().task()).key());
      Trial trial = new Trial(number, params, result.metrics(), value == null ? Double.NaN : value, null);
      listener.finished(trial, result);
      return trial;
    }

    private synchronized Metric metricFor(Task task) {
      if (metric == null) {
        metric = switch (task) {
          case BINARY_CLASSIFICATION -> Metric.ROC_AUC;
          case MULTICLASS_CLASSIFICATION -> Metric.LOG_LOSS;
          case REGRESSION -> Metric.RMSE;
        };
      }
      return metric;
    }

    /** Successful trials, best first; ties keep the earlier trial. */
    List<Trial> ranked(List<Trial> trials) {
      Comparator<Trial> byScore = Comparator.comparingDouble(Trial::score);
      if (metric != null && metric.direction() == Direction.HIGHER_IS_BETTER) {
        byScore = byScore.reversed();
      }
      return trials.stream().filter(Trial::succeeded).sorted(byScore.thenComparingInt(Trial::number)).toList();
    }
  }
}
