package io.prodline.app;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.train.runs.RunTracker;
import io.prodline.train.runs.TrainingRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code prodline runs list | show | compare}: the recorded training runs, side by side. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List, show and compare recorded training runs (every 'prodline train' and tuner trial).",
    subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.CompareRuns.class},
    footer = {
        "",
        "Example:",
        "  prodline runs list",
        "  prodline runs compare 3 7"})
final class RunsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens the store, hands the tracker to {@code body}, prints what it returns. */
  static int withTracker(Tracking tracking, CommandLine.Model.CommandSpec spec,
                         Function<RunTracker, List<String>> body) {
    PrintWriter out = spec.commandLine().getOut();
    try (MetadataDatabase db = tracking.open()) {
      body.apply(new RunTracker(db.store(), tracking.experiment)).forEach(out::println);
    }
    return 0;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The runs of an experiment, oldest first.")
  static final class ListRuns implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Tracking tracking = new Tracking();

    @Override
    public Integer call() {
      return withTracker(tracking, spec, tracker -> {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-5s %-20s %-6s %-8s %9s  %s", "id", "recorded", "kind", "trainer",
            "seconds", "metrics"));
        for (TrainingRun r : tracker.list()) {
          lines.add(String.format(Locale.ROOT, "%-5d %-20s %-6s %-8s %9.1f  %s", r.id(),
              r.createdAt().toString().substring(0, 19), r.kind(), r.trainer(), r.durationMillis() / 1000.0,
              RunTable.headline(r)));
        }
        if (lines.size() == 1) {
          lines.add("(no runs in experiment '" + tracking.experiment + "' yet)");
        }
        return lines;
      });
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything recorded about one run.")
  static final class ShowRun implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Tracking tracking = new Tracking();

    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public Integer call() {
      return withTracker(tracking, spec, tracker -> RunTable.columns(List.of(tracker.get(id))));
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Runs side by side: parameters, metrics, data and code versions; differing rows marked *.")
  static final class CompareRuns implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Tracking tracking = new Tracking();

    @Parameters(paramLabel = "ID", arity = "2..*")
    List<Long> ids;

    @Override
    public Integer call() {
      return withTracker(tracking, spec, tracker -> RunTable.columns(ids.stream().map(tracker::get).toList()));
    }
  }

  /** Formats runs as one column each, one row per recorded field. */
  static final class RunTable {
    private RunTable() {}

    static String headline(TrainingRun r) {
      StringBuilder sb = new StringBuilder();
      new TreeSet<>(r.metrics().keySet()).stream().filter(k -> List.of("roc_auc", "accuracy", "log_loss", "rmse",
          "r2").contains(k)).forEach(k -> sb.append(k).append(' ')
          .append(String.format(Locale.ROOT, "%.4f", r.metrics().get(k))).append("  "));
      return sb.toString().strip();
    }

    static List<String> columns(List<TrainingRun> runs) {
      List<String[]> rows = new ArrayList<>();
      rows.add(row("run", runs, r -> Long.toString(r.id())));
      rows.add(row("recorded", runs, r -> r.createdAt().toString()));
      rows.add(row("kind", runs, TrainingRun::kind));
      rows.add(row("group", runs, TrainingRun::group));
      rows.add(row("trainer", runs, TrainingRun::trainer));
      rows.add(row("seconds", runs, r -> String.format(Locale.ROOT, "%.1f", r.durationMillis() / 1000.0)));
      for (String p : keys(runs, TrainingRun::params)) {
        rows.add(row("param " + p, runs, r -> r.params().get(p)));
      }
      for (String m : keys(runs, TrainingRun::metrics)) {
        rows.add(row("metric " + m, runs, r -> r.metrics().containsKey(m)
            ? String.format(Locale.ROOT, "%.4f", r.metrics().get(m)) : null));
      }
      rows.add(row("rounds (best)", runs, r -> r.learningCurves() == null ? null
          : r.learningCurves().eval().size() + (r.learningCurves().bestIteration() == null ? ""
              : " (" + (r.learningCurves().bestIteration() + 1) + ")")));
      rows.add(row("final eval loss", runs, r -> r.learningCurves() == null || r.learningCurves().eval().isEmpty()
          ? null : r.learningCurves().metric() + " " + String.format(Locale.ROOT, "%.4f",
              r.learningCurves().eval().get(r.learningCurves().eval().size() - 1))));
      rows.add(row("data", runs, TrainingRun::dataPath));
      rows.add(row("data sha256", runs, r -> abbreviate(r.dataFingerprint())));
      rows.add(row("git commit", runs, r -> abbreviate(r.gitCommit())));
      rows.add(row("bundle", runs, TrainingRun::bundlePath));
      rows.add(row("bundle sha256", runs, r -> abbreviate(r.bundleFingerprint())));
      int[] widths = new int[runs.size() + 1];
      for (String[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          widths[c] = Math.max(widths[c], row[c].length());
        }
      }
      List<String> lines = new ArrayList<>();
      for (String[] row : rows) {
        boolean differs = runs.size() > 1 && Arrays.stream(row, 1, row.length).distinct().count() > 1;
        StringBuilder sb = new StringBuilder(differs && !row[0].equals("run") && !row[0].equals("recorded")
            ? "* " : "  ");
        for (int c = 0; c < row.length; c++) {
          sb.append(String.format(Locale.ROOT, "%-" + widths[c] + "s  ", row[c]));
        }
        lines.add(sb.toString().stripTrailing());
      }
      return lines;
    }

    private static String[] row(String name, List<TrainingRun> runs, Function<TrainingRun, String> value) {
      String[] row = new String[runs.size() + 1];
      row[0] = name;
      for (int i = 0; i < runs.size(); i++) {
        String v = value.apply(runs.get(i));
        row[i + 1] = v == null ? "-" : v;
      }
      return row;
    }

    private static <V> TreeSet<String> keys(List<TrainingRun> runs,
                                            Function<TrainingRun, Map<String, V>> map) {
      TreeSet<String> keys = new TreeSet<>();
      runs.forEach(r -> keys.addAll(map.apply(r).keySet()));
      return keys;
    }

    private static String abbreviate(String hash) {
      return hash == null ? null : hash.substring(0, Math.min(12, hash.length()));
    }
  }
}
