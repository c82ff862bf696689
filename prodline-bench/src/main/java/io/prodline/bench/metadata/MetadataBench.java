package io.prodline.bench.metadata;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.metadata.store.LineageGraph;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.metadata.store.RecordedExecution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The metadata store at pipeline-history scale: fills an empty store with {@code runs} pipeline runs of
 * {@link Workload#STEPS} steps (10,000 runs: 100k executions, 1M artifacts) through
 * {@link MetadataStore#recordExecution}, printing progress and the record rate, then times the two queries a
 * pipeline depends on at that size, twice: the cache lookup ({@link MetadataStore#latestCompleteExecution}) and
 * 5-hop lineage ({@link MetadataStore#upstream}, {@link MetadataStore#downstream}).
 *
 * <p>A plain main rather than JMH: filling the store is the expensive part and happens once, and what matters
 * is the latency distribution of single queries against the full store. Usage: {@code MetadataBench JDBC_URL
 * RUNS WRITERS QUERIES [reuse]} (WRITERS threads record runs concurrently; SQLite serialises them anyway);
 * {@code reuse} skips filling and queries a store an earlier run filled with the same RUNS.
 */
public final class MetadataBench {
  private static final int HOPS = 5;

  private MetadataBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && !(args.length == 5 && args[4].equals("reuse"))) {
      System.err.println("usage: MetadataBench JDBC_URL RUNS WRITERS QUERIES [reuse]");
      System.exit(2);
    }
    int runs = Integer.parseInt(args[1]);
    try (MetadataDatabase db = MetadataStores.open(args[0], Path.of("."))) {
      MetadataStore store = db.store();
      Workload.defineTypes(store);
      long[][] mains = args.length == 5 ? StoredRuns.mains(args[0], runs)
          : populate(store, runs, Integer.parseInt(args[2]));
      int queries = Integer.parseInt(args[3]);
      for (int pass = 1; pass <= 2; pass++) {
        System.out.println("--- queries, pass " + pass);
        SplittableRandom random = new SplittableRandom(pass);
        time("cache lookup (latestCompleteExecution)", queries, i -> {
          long run = random.nextInt(runs);
          return store.latestCompleteExecution(Workload.cacheKey(run, random.nextInt(Workload.STEPS)))
              .orElseThrow();
        });
        time("upstream lineage, 5 hops", queries, i -> checked(store.upstream(mains[random.nextInt(runs)][1], HOPS)));
        time("downstream lineage, 5 hops", queries,
            i -> checked(store.downstream(mains[random.nextInt(runs)][0], HOPS)));
      }
    }
  }

  /**
   * Records every run, {@code writers} runs at a time (each run by one writer, as a pipeline runs), and returns each run's first and last main output (where
   * lineage queries start).
   */
  private static long[][] populate(MetadataStore store, int runs, int writers) throws Exception {
    long[][] mains = new long[runs][2];
    AtomicLong recorded = new AtomicLong();
    Progress progress = new Progress((long) runs * Workload.STEPS);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int first = w;
        done.add(pool.submit(() -> {
          for (int run = first; run < runs; run += writers) {
            Long previous = null;
            Long context = null;
            for (int step = 0; step < Workload.STEPS; step++) {
              RecordedExecution r = store.recordExecution(Workload.step(run, step, previous, context));
              previous = r.outputs().get(0).id();
              context = r.contexts().get(0).id();
              if (step == 0) {
                mains[run][0] = previous;
              }
              progress.recorded(recorded.incrementAndGet());
            }
            mains[run][1] = previous;
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(); // a writer's failure ends the benchmark with its cause
      }
    } finally {
      pool.shutdownNow();
    }
    progress.done();
    return mains;
  }

  private static LineageGraph checked(LineageGraph graph) {
    if (graph.executions().size() != HOPS) {
      throw new IllegalStateException("expected " + HOPS + " executions in the lineage, got "
          + graph.executions().size());
    }
    return graph;
  }

  private static void time(String what, int queries, LongFunction<Object> query) {
    for (int i = 0; i < queries / 10; i++) {
      query.apply(i); // warm the JIT, the pool and the database's caches
    }
    Latencies latencies = new Latencies(queries);
    for (int i = 0; i < queries; i++) {
      long start = System.nanoTime();
      query.apply(i);
      latencies.add(System.nanoTime() - start);
    }
    System.out.println(what + ": " + latencies);
  }
}
