package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.DurationText;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import io.prodline.pipeline.run.ConsoleProgress;
import io.prodline.pipeline.run.PipelineRunner;
import io.prodline.pipeline.run.RunOptions;
import io.prodline.pipeline.schedule.CoalescingRunner;
import io.prodline.pipeline.schedule.CronTrigger;
import io.prodline.pipeline.schedule.PipelineScheduler;
import io.prodline.pipeline.schedule.Trigger;
import io.prodline.pipeline.schedule.WatchTrigger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prodline pipeline schedule}: run a pipeline on a cron schedule and/or when new data lands. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = {"Run the pipeline on a cron schedule, when a new file lands in a watched location, or both; until "
            + "Ctrl-C.",
        "Never two runs at once: triggers during a run are coalesced into one run after it. Each trigger is",
        "logged with its reason. The pipeline file is read again for every run. (On demand: prodline pipeline run.)",
        "",
        "Examples:",
        "  prodline pipeline schedule examples/quickstart/pipeline.yaml --cron \"0 3 * * *\"",
        "  prodline pipeline schedule pipeline.yaml --watch 'incoming/span-*.csv' --poll-interval 30s",
        "  prodline pipeline schedule pipeline.yaml --watch incoming/ --once      # wait for one new file, run, exit"})
final class PipelineScheduleCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PIPELINE_YAML", description = "The pipeline file.")
  Path file;

  @Option(names = "--cron", paramLabel = "EXPR",
      description = "Unix cron: minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\" (03:00 daily).")
  String cron;

  @Option(names = "--time-zone", paramLabel = "ZONE",
      description = "The zone of --cron times (default: this machine's).")
  ZoneId zone = ZoneId.systemDefault();

  @Option(names = "--watch", paramLabel = "DIR-or-GLOB",
      description = "Run when a file under this folder, or matching this glob, is new or changed (once it stopped "
          + "growing).")
  List<String> watch = new ArrayList<>();

  @Option(names = "--poll-interval", paramLabel = "DURATION",
      description = "How often watched locations are listed (default: ${DEFAULT-VALUE}).")
  String pollInterval = "10s";

  @Option(names = "--once", description = "Exit after the first triggered run; the exit status is that run's (0 or 1).")
  boolean once;

  @Mixin
  MetadataOptions metadata;

  private volatile PipelineRunner current;

  @Override
  public Integer call() throws InterruptedException {
    PipelineYaml.load(file, ComponentRegistry.discover());
    Duration poll = DurationText.parse(pollInterval).filter(d -> !d.isZero()).orElseThrow(() ->
        new ProdlineException("--poll-interval must be a duration such as 500ms, 30s or 5m, not " + pollInterval));
    Clock clock = Clock.systemUTC();
    List<Trigger> triggers = new ArrayList<>();
    if (cron != null) {
      triggers.add(CronTrigger.parse(cron, zone, clock.instant()));
    }
    watch.forEach(w -> triggers.add(WatchTrigger.of(w)));
    if (triggers.isEmpty()) {
      throw new ProdlineException("nothing to schedule on: give --cron, --watch or both");
    }
    ExecutorService runs = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "prodline-scheduled-run");
      t.setDaemon(true);
      return t;
    });
    Thread onCtrlC = new Thread(this::cancelCurrentRun, "prodline-cancel");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try (MetadataDatabase db = metadata.open()) {
      CoalescingRunner runner = new CoalescingRunner(runs, reason -> runOnce(db), this::log);
      PipelineScheduler scheduler = new PipelineScheduler(triggers, runner, this::log);
      Instant now = clock.instant();
      scheduler.tick(now);
      log("Scheduling " + file + " on " + String.join(" and ", describe()) + "; Ctrl-C stops.");
      while (true) {
        if (once && (runner.busy() || runner.finishedRuns() > 0)) {
          runner.awaitIdle();
          return runner.lastSucceeded() ? 0 : 1;
        }
        Duration wait = Duration.between(clock.instant(), scheduler.nextTick(now, poll));
        if (!wait.isNegative()) {
          Thread.sleep(wait.toMillis());
        }
        now = clock.instant();
        scheduler.tick(now);
      }
    } finally {
      runs.shutdownNow();
      Runtime.getRuntime().removeShutdownHook(onCtrlC);
    }
  }

  /** One run of the pipeline as it is in its file now; the outcome goes to the terminal like {@code pipeline run}. */
  private boolean runOnce(MetadataDatabase db) {
    Pipeline pipeline = PipelineYaml.load(file, ComponentRegistry.discover());
    PipelineRunner runner = new PipelineRunner(db.store(), db.registry(), metadata.home(),
        RunOptions.defaults().withListener(new ConsoleProgress(out())));
    current = runner;
    try {
      return runner.run(pipeline).succeeded();
    } finally {
      current = null;
    }
  }

  private void cancelCurrentRun() {
    PipelineRunner running = current;
    if (running != null) {
      out().println("Cancelling the current run: stopping running steps and discarding their partial outputs...");
      try {
        running.cancel(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private List<String> describe() {
    List<String> out = new ArrayList<>();
    if (cron != null) {
      out.add("cron '" + cron + "' (" + zone + ")");
    }
    watch.forEach(w -> out.add("new files in '" + w + "' (polled every " + pollInterval + ")"));
    return out;
  }

  private void log(String line) {
    out().println(line);
    out().flush();
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
