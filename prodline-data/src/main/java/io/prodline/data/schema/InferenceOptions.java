package io.prodline.data.schema;

/**
 * Choices of {@link SchemaInference}.
 *
 * @param maxDomainSize most distinct values a string feature may have to get a domain (default 100); features
 *     with more, or whose top values do not cover every value exactly, get no domain
 * @param inferRanges whether numeric features get the observed [min, max] as their range (default false: a
 *     later span with a new extreme would be an anomaly, which is rarely wanted before a person decides)
 */
public record InferenceOptions(int maxDomainSize, boolean inferRanges) {
  public InferenceOptions {
    if (maxDomainSize < 0) {
      throw new IllegalArgumentException("max_domain_size must be >= 0, got " + maxDomainSize);
    }
  }

  public static InferenceOptions defaults() {
    return new InferenceOptions(100, false);
  }

  public InferenceOptions withInferRanges(boolean infer) {
    return new InferenceOptions(maxDomainSize, infer);
  }

  public InferenceOptions withMaxDomainSize(int size) {
    return new InferenceOptions(size, inferRanges);
  }
}
