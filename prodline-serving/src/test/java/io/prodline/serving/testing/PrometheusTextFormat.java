package io.prodline.serving.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent check of Prometheus' text exposition format (0.0.4), so the format is verified even where
 * promtool is not installed: every sample belongs to a family declared with HELP and TYPE before it, names and
 * labels are well formed, values parse, and every histogram series has buckets with increasing bounds,
 * non-decreasing counts, a {@code +Inf} bucket equal to its {@code _count}, and a {@code _sum}. Also reads the
 * request counts tests assert on.
 */
public final class PrometheusTextFormat {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( -?\\d+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
  private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created", "");

  private PrometheusTextFormat() {}

  /**
   * How many requests of {@code protocol} to version 1 of {@code model} the scrape {@code text} counts with
   * {@code status}: the {@code _count} of {@code prodline_request_duration_seconds}, 0 when the series is absent.
   */
  public static int requestsCounted(String text, String model, String protocol, String status) {
    String prefix = "prodline_request_duration_seconds_count{model=\"" + model + "\",protocol=\"" + protocol
        + "\",status=\"" + status + "\",version=\"1\"} ";
    return text.lines().filter(line -> line.startsWith(prefix))
        .mapToInt(line -> (int) Double.parseDouble(line.substring(prefix.length()))).findFirst().orElse(0);
  }

  /** Every problem found, one sentence each; empty when the text is valid. */
  public static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    Set<String> helped = new HashSet<>();
    // histogram family -> series labels (without le) -> le -> count
    Map<String, Map<String, TreeMap<Double, Double>>> buckets = new HashMap<>();
    Map<String, Map<String, Double>> counts = new HashMap<>();
    Map<String, Set<String>> sums = new HashMap<>();
    int lineNumber = 0;
    for (String line : text.split("\n")) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      String at = "line " + lineNumber + ": ";
      if (line.startsWith("# HELP ")) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 4 || !NAME.matcher(parts[2]).matches()) {
          problems.add(at + "malformed HELP: " + line);
        } else if (!helped.add(parts[2])) {
          problems.add(at + "second HELP for " + parts[2]);
        }
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        if (parts.length != 4 || !NAME.matcher(parts[2]).matches() || !TYPES.contains(parts[3])) {
          problems.add(at + "malformed TYPE: " + line);
        } else if (types.put(parts[2], parts[3]) != null) {
          problems.add(at + "second TYPE for " + parts[2]);
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        problems.add(at + "not a sample: " + line);
        continue;
      }
      String name = m.group(1);
      Map<String, String> labels = labels(m.group(3), at, problems);
      double value;
      try {
        value = parseValue(m.group(4));
      } catch (NumberFormatException e) {
        problems.add(at + "value is not a number: " + line);
        continue;
      }
      String family = family(name, types);
      if (family == null) {
        problems.add(at + name + " has no TYPE before it");
        continue;
      }
      if (!helped.contains(family)) {
        problems.add(at + family + " has no HELP");
      }
      if (types.get(family).equals("histogram")) {
        String suffix = name.substring(family.length());
        String le = labels.remove("le");
        String series = labels.toString();
        switch (suffix) {
          case "_bucket" -> {
            if (le == null) {
              problems.add(at + "bucket without le: " + line);
            } else {
              buckets.computeIfAbsent(family, k -> new LinkedHashMap<>())
                  .computeIfAbsent(series, k -> new TreeMap<>()).put(parseValue(le), value);
            }
          }
          case "_count" -> counts.computeIfAbsent(family, k -> new HashMap<>()).put(series, value);
          case "_sum" -> sums.computeIfAbsent(family, k -> new HashSet<>()).add(series);
          default -> problems.add(at + "histogram sample with suffix '" + suffix + "': " + line);
        }
      }
    }
    buckets.forEach((family, bySeries) -> bySeries.forEach((series, byLe) -> {
      String where = family + series + ": ";
      double previous = 0;
      for (double count : byLe.values()) {
        if (count < previous) {
          problems.add(where + "bucket counts decrease");
        }
        previous = count;
      }
      Double inf = byLe.get(Double.POSITIVE_INFINITY);
      if (inf == null) {
        problems.add(where + "no +Inf bucket");
      } else if (!inf.equals(counts.getOrDefault(family, Map.of()).get(series))) {
        problems.add(where + "+Inf bucket " + inf + " differs from _count");
      }
      if (!sums.getOrDefault(family, Set.of()).contains(series)) {
        problems.add(where + "no _sum");
      }
    }));
    return problems;
  }

  /** The declared family a sample name belongs to: the name itself or the name less a standard suffix. */
  private static String family(String name, Map<String, String> types) {
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return null;
  }

  private static Map<String, String> labels(String text, String at, List<String> problems) {
    Map<String, String> labels = new TreeMap<>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    Matcher m = LABEL.matcher(text);
    int end = 0;
    while (m.find() && m.start() == end) {
      if (labels.put(m.group(1), m.group(2)) != null) {
        problems.add(at + "label " + m.group(1) + " twice");
      }
      end = m.end();
    }
    if (end != text.length()) {
      problems.add(at + "malformed labels: {" + text + "}");
    }
    return labels;
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
