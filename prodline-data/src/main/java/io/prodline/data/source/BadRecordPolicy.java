package io.prodline.data.source;

/**
 * What a source does with a bad record: a row whose text cannot be parsed (a truncated JSON line, invalid
 * UTF-8 in a JSON line) or whose value does not fit its column's type.
 *
 * <p>{@link #FAIL} (the default) stops the read with a {@link io.prodline.core.error.DataFormatException}
 * naming the location. {@link #skipAndCount(long)} drops such rows but counts them in the source's
 * {@link BadRecords}, keeping the first examples with their location, so nothing disappears unnoticed; the cap
 * turns a file that is mostly garbage back into an error instead of a nearly empty data set.
 *
 * <p>Damage that leaves no next row to resume at (an unclosed quote in CSV, invalid UTF-8 in CSV, a file that
 * cannot be read) always fails, whatever the policy.
 *
 * @param skip whether bad records are skipped rather than failing the read
 * @param maxSkipped the most bad records skipped; one more fails the read
 * @param maxExamples how many of the first bad records are kept as examples
 */
public record BadRecordPolicy(boolean skip, long maxSkipped, int maxExamples) {
  /** Examples kept by {@link #skipAndCount(long)}: enough to see the pattern, few enough to print. */
  public static final int DEFAULT_EXAMPLES = 10;

  /** Any bad record fails the read. */
  public static final BadRecordPolicy FAIL = new BadRecordPolicy(false, 0, 0);

  public BadRecordPolicy {
    if (maxSkipped < 0) {
      throw new IllegalArgumentException("maxSkipped must not be negative, got " + maxSkipped);
    }
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples must not be negative, got " + maxExamples);
    }
  }

  /** Skips up to {@code maxSkipped} bad records, counting them and keeping the first ten as examples. */
  public static BadRecordPolicy skipAndCount(long maxSkipped) {
    return new BadRecordPolicy(true, maxSkipped, DEFAULT_EXAMPLES);
  }

  /** The same policy keeping {@code examples} examples. */
  public BadRecordPolicy withExamples(int examples) {
    return new BadRecordPolicy(skip, maxSkipped, examples);
  }
}
