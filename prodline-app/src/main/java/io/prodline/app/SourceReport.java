package io.prodline.app;

import io.prodline.data.source.BadRecord;
import io.prodline.data.source.DataSource;
import java.util.Locale;

/** What a read leaves a person to know: the source's warnings, once it is open, and the bad records it skipped. */
final class SourceReport {
  private SourceReport() {}

  /** Prints each warning of a just-opened source (e.g. numbers read as text) to standard error. */
  static void warnings(DataSource source) {
    source.warnings().forEach(warning -> System.err.println("warning: " + warning));
  }

  /**
   * After the read: how many bad records were skipped and the first of them, if any.
   *
   * @param consequence what skipping meant for the output, e.g. " (no output row)", or empty
   */
  static void badRecords(DataInput input, DataSource source, String consequence) {
    long skipped = source.badRecords().skipped();
    if (skipped > 0) {
      System.out.printf(Locale.ROOT, "%s: skipped %d bad records%s; the first:%n", input.displayName(), skipped,
          consequence);
      for (BadRecord r : source.badRecords().examples()) {
        System.out.println("  " + r);
      }
    }
  }
}
