package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.frame.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a categorical (string) column to the index of its value in a vocabulary fitted on the training data.
 *
 * <p>With {@code n} vocabulary entries and {@code oovBuckets} = k: {@code id = index(s)} for a known value;
 * {@code id = n + (Fingerprint64(utf8(s)) mod k)} for an unknown one when k &gt; 0 (TensorFlow's
 * {@code StaticVocabularyTable} rule), none when k = 0. A missing value takes {@code fill}'s id when
 * {@code fill} is set, else none. The id is written per {@link CategoryEncoding} over n + k categories; with the
 * default index encoding, none is NaN, which a tree model treats as missing rather than as a category it has
 * seen. The JSON form {@code {"kind": "vocabulary", "input": ..., "vocabulary": [...]}} of earlier bundles reads
 * with these defaults (no fill, no OOV buckets, index).
 */
public final class VocabularyEncoder implements FeatureEncoder {
  private final String name;
  private final String input;
  private final String fill;
  private final List<String> vocabulary;
  private final int oovBuckets;
  private final CategoryEncoding encoding;
  private final Map<String, Integer> index;

  @JsonCreator
  public VocabularyEncoder(@JsonProperty("name") String name, @JsonProperty("input") String input,
      @JsonProperty("fill") String fill, @JsonProperty("vocabulary") List<String> vocabulary,
      @JsonProperty("oovBuckets") int oovBuckets, @JsonProperty("encoding") CategoryEncoding encoding) {
    this.input = Objects.requireNonNull(input, "input");
    this.name = name == null ? input : name;
    this.fill = fill;
    this.vocabulary = List.copyOf(vocabulary);
    if (oovBuckets < 0) {
      throw new IllegalArgumentException("vocabulary of '" + input + "' needs oovBuckets >= 0, got " + oovBuckets);
    }
    this.oovBuckets = oovBuckets;
    this.encoding = encoding == null ? CategoryEncoding.INDEX : encoding;
    this.index = new HashMap<>(vocabulary.size() * 2);
    for (int i = 0; i < vocabulary.size(); i++) {
      if (index.put(vocabulary.get(i), i) != null) {
        throw new IllegalArgumentException("vocabulary of '" + input + "' lists '" + vocabulary.get(i) + "' twice");
      }
    }
  }

  /** A plain vocabulary: index encoding, no fill, no OOV buckets. */
  public VocabularyEncoder(String input, List<String> vocabulary) {
    this(input, input, null, vocabulary, 0, CategoryEncoding.INDEX);
  }

  @Override
  @JsonProperty("name")
  public String name() {
    return name;
  }

  @JsonProperty("input")
  public String input() {
    return input;
  }

  @JsonProperty("fill")
  public String fill() {
    return fill;
  }

  @JsonProperty("vocabulary")
  public List<String> vocabulary() {
    return vocabulary;
  }

  @JsonProperty("oovBuckets")
  public int oovBuckets() {
    return oovBuckets;
  }

  @JsonProperty("encoding")
  public CategoryEncoding encoding() {
    return encoding;
  }

  /** Index of a value, or -1 when it is not in the vocabulary. */
  public int indexOf(String value) {
    Integer i = index.get(value);
    return i == null ? -1 : i;
  }

  /** The category id of a present value: its index, an OOV bucket, or -1. */
  private int idOf(String value) {
    int i = indexOf(value);
    if (i >= 0 || oovBuckets == 0) {
      return i;
    }
    return vocabulary.size() + FarmHash.bucket(FarmHash.fingerprint64(value), oovBuckets);
  }

  private int categories() {
    return vocabulary.size() + oovBuckets;
  }

  @Override
  public List<String> inputs() {
    return List.of(input);
  }

  @Override
  public int width() {
    return encoding.width(categories());
  }

  /** {@code name} for index encoding; {@code name=value} per entry then {@code name#oov<i>} per OOV bucket. */
  @Override
  public List<String> outputNames() {
    if (encoding == CategoryEncoding.INDEX) {
      return List.of(name);
    }
    List<String> names = new ArrayList<>(categories());
    for (String value : vocabulary) {
      names.add(name + "=" + value);
    }
    for (int i = 0; i < oovBuckets; i++) {
      names.add(name + "#oov" + i);
    }
    return List.copyOf(names);
  }

  @Override
  public void encode(List<Column> columns, float[] out, int stride, int offset) {
    int[] ids = CategoryIds.of(FeatureColumns.strings(columns.get(0), input), this::idOf, fill);
    encoding.write(ids, categories(), out, stride, offset);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VocabularyEncoder v && v.name.equals(name) && v.input.equals(input)
        && Objects.equals(v.fill, fill) && v.vocabulary.equals(vocabulary) && v.oovBuckets == oovBuckets
        && v.encoding == encoding;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, input, fill, vocabulary, oovBuckets, encoding);
  }

  @Override
  public String toString() {
    return "VocabularyEncoder[" + name + " <- " + input + ", " + vocabulary.size() + " values, " + oovBuckets
        + " OOV buckets, " + encoding.fileName() + "]";
  }
}
