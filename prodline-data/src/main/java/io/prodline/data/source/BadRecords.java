package io.prodline.data.source;

import io.prodline.core.error.DataFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The bad records a source met, applied against its {@link BadRecordPolicy}: sources hand every bad record to
 * {@link #reject}, which either rethrows it or counts it, so a row is never dropped without a trace.
 *
 * <p>Read {@link #skipped()} and {@link #examples()} after the read to report what was left out. The spans of
 * one location share one instance, so the cap holds for the whole location, not per file.
 */
public final class BadRecords {
  private final BadRecordPolicy policy;
  private final List<BadRecord> examples = new ArrayList<>();
  private long skipped;

  public BadRecords(BadRecordPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Takes a bad record: throws {@code problem} under {@link BadRecordPolicy#FAIL}; otherwise counts it and
   * returns, so the caller skips the record, unless that exceeds the cap, which throws an error saying so.
   */
  public void reject(DataFormatException problem) {
    if (!policy.skip()) {
      throw problem;
    }
    skipped++;
    if (skipped > policy.maxSkipped()) {
      throw new DataFormatException(problem.source(), problem.line(), "more than " + policy.maxSkipped()
          + " bad records, the most the skip policy allows; this one: " + problemOf(problem)
          + (examples.isEmpty() ? "" : "; the first was " + examples.get(0)));
    }
    if (examples.size() < policy.maxExamples()) {
      examples.add(new BadRecord(problem.source(), problem.line(), problemOf(problem)));
    }
  }

  /** How many bad records were skipped. */
  public long skipped() {
    return skipped;
  }

  /** The first skipped records, in reading order; at most the policy's {@code maxExamples}. */
  public List<BadRecord> examples() {
    return Collections.unmodifiableList(examples);
  }

  /** The problem without the {@code source:line: } prefix that {@link DataFormatException} puts in front. */
  private static String problemOf(DataFormatException e) {
    String prefix = e.line() < 0 ? e.source() + ": " : e.source() + ":" + e.line() + ": ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
