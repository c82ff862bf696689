package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.StringColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Crosses two or more string columns into {@code buckets} hashed categories with the formula of TensorFlow's
 * {@code tf.sparse.cross_hashed}: {@code h = 0xDECAFCAFFE; for each input s: h = FingerprintCat64(h,
 * Fingerprint64(utf8(s))); id = h mod buckets} (unsigned). A row missing any input has no category. The id is
 * written per {@link CategoryEncoding}.
 */
public record CrossEncoder(String name, List<String> inputs, int buckets, CategoryEncoding encoding)
    implements FeatureEncoder {
  /** TensorFlow's default {@code hash_key} for hashed crosses. */
  public static final long HASH_KEY = 0xDECAFCAFFEL;

  @JsonCreator
  public CrossEncoder(@JsonProperty("name") String name, @JsonProperty("inputs") List<String> inputs,
      @JsonProperty("buckets") int buckets, @JsonProperty("encoding") CategoryEncoding encoding) {
    this.name = Objects.requireNonNull(name, "name");
    this.inputs = List.copyOf(inputs);
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("cross feature '" + name + "' needs at least 2 inputs, got " + inputs);
    }
    if (buckets < 1) {
      throw new IllegalArgumentException("cross feature '" + name + "' needs buckets >= 1, got " + buckets);
    }
    this.buckets = buckets;
    this.encoding = encoding == null ? CategoryEncoding.INDEX : encoding;
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
    int rows = columns.get(0).size();
    long[] hashes = new long[rows];
    boolean[] missing = new boolean[rows];
    Arrays.fill(hashes, HASH_KEY);
    for (int i = 0; i < inputs.size(); i++) {
      StringColumn strings = FeatureColumns.strings(columns.get(i), inputs.get(i));
      long[] byCode = new long[strings.dictionarySize()];
      for (int code = 0; code < byCode.length; code++) {
        byCode[code] = FarmHash.fingerprint64(strings.dictionaryValue(code));
      }
      for (int row = 0; row < rows; row++) {
        int code = strings.code(row);
        if (code < 0) {
          missing[row] = true;
        } else {
          hashes[row] = FarmHash.fingerprintCat64(hashes[row], byCode[code]);
        }
      }
    }
    int[] ids = new int[rows];
    for (int row = 0; row < rows; row++) {
      ids[row] = missing[row] ? -1 : FarmHash.bucket(hashes[row], buckets);
    }
    encoding.write(ids, buckets, out, stride, offset);
  }
}
