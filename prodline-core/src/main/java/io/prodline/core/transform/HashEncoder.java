package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.frame.Column;
import java.util.List;
import java.util.Objects;

/**
 * Hashes a string column into {@code buckets} categories: {@code id = Fingerprint64(utf8(s)) mod buckets}
 * (unsigned), as TensorFlow's {@code tf.strings.to_hash_bucket_fast}; see {@link FarmHash}. A missing value takes
 * {@code fill}'s id when {@code fill} is set, else none. The id is written per {@link CategoryEncoding}.
 */
public record HashEncoder(String name, String input, String fill, int buckets, CategoryEncoding encoding)
    implements FeatureEncoder {
  @JsonCreator
  public HashEncoder(@JsonProperty("name") String name, @JsonProperty("input") String input,
      @JsonProperty("fill") String fill, @JsonProperty("buckets") int buckets,
      @JsonProperty("encoding") CategoryEncoding encoding) {
    this.name = Objects.requireNonNull(name, "name");
    this.input = Objects.requireNonNull(input, "input");
    this.fill = fill;
    if (buckets < 1) {
      throw new IllegalArgumentException("hash feature '" + name + "' needs buckets >= 1, got " + buckets);
    }
    this.buckets = buckets;
    this.encoding = encoding == null ? CategoryEncoding.INDEX : encoding;
  }

  @Override
  public List<String> inputs() {
    return List.of(input);
  }

  @Override
  public int width() {
    return encoding.width(buckets);
  }

  @Override
  public List<String> outputNames() {
    return CategoryIds.bucketNames(name, encoding, buckets);
  }

  @Override
  public void encode(List<Column> columns, float[] out, int stride, int offset) {
    int[] ids = CategoryIds.of(FeatureColumns.strings(columns.get(0), input),
        value -> FarmHash.bucket(FarmHash.fingerprint64(value), buckets), fill);
    encoding.write(ids, buckets, out, stride, offset);
  }
}
