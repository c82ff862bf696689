package io.prodline.train.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.prodline.core.transform.CategoryEncoding;
import io.prodline.core.transform.DatePart;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a feature's transform, as configured: what to compute, not yet fitted. In YAML each step is a
 * one-key map, e.g. {@code - zscore: {}} or {@code - vocabulary: {top_k: 10, encoding: one_hot}}.
 *
 * <p>Steps marked "analyzer" need statistics of the training data; the fitter collects them in one pass with
 * the data module's combiners. The fitted formulas are on the {@code io.prodline.core.transform} step and
 * encoder types and in {@code docs/transforms.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
    @JsonSubTypes.Type(value = StepSpec.Fill.class, name = "fill"),
    @JsonSubTypes.Type(value = StepSpec.Log1p.class, name = "log1p"),
    @JsonSubTypes.Type(value = StepSpec.Clip.class, name = "clip"),
    @JsonSubTypes.Type(value = StepSpec.ScaleToZeroOne.class, name = "scale_to_0_1"),
    @JsonSubTypes.Type(value = StepSpec.ZScore.class, name = "zscore"),
    @JsonSubTypes.Type(value = StepSpec.Bucketize.class, name = "bucketize"),
    @JsonSubTypes.Type(value = StepSpec.Vocabulary.class, name = "vocabulary"),
    @JsonSubTypes.Type(value = StepSpec.Hash.class, name = "hash"),
    @JsonSubTypes.Type(value = StepSpec.DatePartOf.class, name = "date_part")
})
public sealed interface StepSpec {

  /** How {@link Fill} finds its value. */
  enum FillStrategy {
    /** The given {@code value}: a number for numeric features, a string for categorical ones. */
    CONSTANT,
    /** Analyzer: the mean of the training values (numeric features). */
    MEAN,
    /** Analyzer: the most frequent training value, ties to the greater value (categorical features). */
    MOST_FREQUENT;

    @JsonValue
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FillStrategy fromFileName(String name) {
      for (FillStrategy s : values()) {
        if (s.fileName().equals(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown fill strategy '" + name + "': expected constant, mean or "
          + "most_frequent");
    }
  }

  /** Replaces a missing value (null, and NaN for numbers) by a constant, the mean or the most frequent value. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Fill(FillStrategy strategy, Object value) implements StepSpec {
    public Fill {
      Objects.requireNonNull(strategy, "fill needs a strategy: constant, mean or most_frequent");
      if (strategy == FillStrategy.CONSTANT && !(value instanceof Number || value instanceof String)) {
        throw new IllegalArgumentException("fill with strategy constant needs a value (a number or a string)");
      }
      if (strategy != FillStrategy.CONSTANT && value != null) {
        throw new IllegalArgumentException("fill with strategy " + strategy.fileName() + " takes no value");
      }
    }
  }

  /** {@code ln(1 + x)}. */
  record Log1p() implements StepSpec {}

  /** Clips to fixed bounds {@code [min, max]}. */
  record Clip(double min, double max) implements StepSpec {
    public Clip {
      if (!(min <= max)) {
        throw new IllegalArgumentException("clip needs min <= max, got min " + min + " and max " + max);
      }
    }
  }

  /** Analyzer (min, max): scales the training range to [0, 1]. */
  record ScaleToZeroOne() implements StepSpec {}

  /** Analyzer (mean, population std): {@code (x - mean) / std}. */
  record ZScore() implements StepSpec {}

  /**
   * Analyzer (KLL quantiles): bucket index on the boundaries that split the training values into
   * {@code buckets} equal-mass buckets.
   *
   * @param kllK the KLL sketch's k (default 200): rank error about 1.33% at k = 200, smaller for larger k
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Bucketize(int buckets, Integer kllK) implements StepSpec {
    public static final int DEFAULT_KLL_K = 200;

    public Bucketize {
      if (buckets < 2 || buckets > 10_000) {
        throw new IllegalArgumentException("bucketize needs 2 <= buckets <= 10000, got " + buckets);
      }
      kllK = kllK == null ? DEFAULT_KLL_K : kllK;
      if (kllK < 8 || kllK > 65535) {
        throw new IllegalArgumentException("bucketize needs 8 <= kll_k <= 65535, got " + kllK);
      }
    }
  }

  /**
   * Analyzer (exact value counts): maps a string to its index in the vocabulary of training values, ordered as
   * TensorFlow Transform orders it (most frequent first, ties by value in descending UTF-8 byte order).
   *
   * @param topK keep at most this many values (null: all)
   * @param minFrequency keep values seen at least this many times (TFT's {@code frequency_threshold}; default 1)
   * @param oovBuckets hash values outside the vocabulary into this many extra categories (default 0: none)
   * @param encoding index (default) or one_hot
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Vocabulary(Integer topK, Long minFrequency, int oovBuckets, CategoryEncoding encoding)
      implements StepSpec {
    public Vocabulary {
      if (topK != null && topK < 1) {
        throw new IllegalArgumentException("vocabulary needs top_k >= 1, got " + topK);
      }
      minFrequency = minFrequency == null ? 1L : minFrequency;
      if (minFrequency < 1) {
        throw new IllegalArgumentException("vocabulary needs min_frequency >= 1, got " + minFrequency);
      }
      if (oovBuckets < 0 || oovBuckets > 1_000_000) {
        throw new IllegalArgumentException("vocabulary needs 0 <= oov_buckets <= 1000000, got " + oovBuckets);
      }
      encoding = encoding == null ? CategoryEncoding.INDEX : encoding;
    }

    /** All values, index encoding, no OOV buckets: the default for string columns. */
    public static Vocabulary all() {
      return new Vocabulary(null, null, 0, null);
    }
  }

  /** Hashes a string into {@code buckets} categories with FarmHash Fingerprint64 (as TensorFlow). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Hash(int buckets, CategoryEncoding encoding) implements StepSpec {
    public Hash {
      if (buckets < 1 || buckets > 1_000_000) {
        throw new IllegalArgumentException("hash needs 1 <= buckets <= 1000000, got " + buckets);
      }
      encoding = encoding == null ? CategoryEncoding.INDEX : encoding;
    }
  }

  /** Reads a part of a date or date-time string; numeric steps may follow. */
  record DatePartOf(DatePart part) implements StepSpec {
    public DatePartOf {
      Objects.requireNonNull(part, "date_part needs a part");
    }
  }

  static StepSpec fillConstant(Object value) {
    return new Fill(FillStrategy.CONSTANT, value);
  }

  static StepSpec fillMean() {
    return new Fill(FillStrategy.MEAN, null);
  }

  static StepSpec fillMostFrequent() {
    return new Fill(FillStrategy.MOST_FREQUENT, null);
  }

  static StepSpec log1p() {
    return new Log1p();
  }

  static StepSpec clip(double min, double max) {
    return new Clip(min, max);
  }

  static StepSpec scaleToZeroOne() {
    return new ScaleToZeroOne();
  }

  static StepSpec zscore() {
    return new ZScore();
  }

  static StepSpec bucketize(int buckets) {
    return new Bucketize(buckets, null);
  }

  static StepSpec vocabulary(Integer topK, Long minFrequency, int oovBuckets, CategoryEncoding encoding) {
    return new Vocabulary(topK, minFrequency, oovBuckets, encoding);
  }

  static StepSpec hash(int buckets, CategoryEncoding encoding) {
    return new Hash(buckets, encoding);
  }

  static StepSpec datePart(DatePart part) {
    return new DatePartOf(part);
  }
}
