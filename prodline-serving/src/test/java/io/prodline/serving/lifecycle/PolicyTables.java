package io.prodline.serving.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** Test notation for version tables: {@code "1 AVAILABLE -"} is version 1, AVAILABLE, not aspired ({@code +}). */
final class PolicyTables {
  private PolicyTables() {}

  static List<VersionView> versions(String... rows) {
    List<VersionView> views = new ArrayList<>();
    for (String row : rows) {
      String[] parts = row.trim().split("\\s+");
      views.add(VersionView.of(Long.parseLong(parts[0]), VersionState.valueOf(parts[1]), parts[2].equals("+")));
    }
    return views;
  }

  /** {@code "load 2"}, {@code "unload 1"} or {@code "none"}. */
  static String describe(java.util.Optional<VersionAction> action) {
    return action.map(a -> a.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + a.version()).orElse("none");
  }
}
