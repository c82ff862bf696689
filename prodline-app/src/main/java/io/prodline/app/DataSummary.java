package io.prodline.app;

import io.prodline.core.frame.Frame;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.MomentStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import io.prodline.data.stats.TopValuesStatistics;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints one line of statistics per column, for a person glancing at a data set. */
final class DataSummary {
  private DataSummary() {}

  static void print(Frame frame, PrintStream out) {
    print(new StatisticsCollector(StatisticsOptions.defaults()).collect(List.of(frame).iterator()), out);
  }

  static void print(DatasetStatistics stats, PrintStream out) {
    out.printf(Locale.ROOT, "  %-24s %-7s %8s  %s%n", "column", "type", "missing", "summary");
    for (FeatureStatistics f : stats.features()) {
      out.printf(Locale.ROOT, "  %-24s %-7s %8d  %s%n", f.name(), f.type().fileName(), f.common().numMissing(),
          describe(f));
    }
  }

  private static String describe(FeatureStatistics f) {
    if (f.numeric() != null) {
      MomentStatistics m = f.numeric().moments();
      if (m.mean() == null) {
        return "no finite value";
      }
      return String.format(Locale.ROOT, "mean %.4g  std %.4g  min %.4g  max %.4g", m.mean(), m.stdDev(), m.min(),
          m.max());
    }
    if (f.string() != null) {
      TopValuesStatistics top = f.string().topValues();
      // Past the sketch's capacity a count may be off by up to max_error: marked, so it is not read as exact.
      String mark = top.exact() ? "" : "~";
      String note = top.exact() ? "" : " (approximate counts, max error " + top.maxError() + ")";
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "~%d distinct; top%s:",
          f.string().distinct().estimate(), note));
      top.topValues().stream().limit(3)
          .forEach(v -> sb.append(' ').append(v.value()).append(" (").append(mark).append(v.count()).append(')'));
      return sb.toString();
    }
    if (f.bool() != null) {
      return "true " + f.bool().numTrue();
    }
    return "";
  }
}
