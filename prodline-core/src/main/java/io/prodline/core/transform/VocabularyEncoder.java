package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.StringColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a categorical (string) column to the index of its value in a vocabulary fitted on the training data.
 * A value outside the vocabulary, and a missing value, become NaN: the model treats them as missing rather than
 * as some category it has seen.
 */
public final class VocabularyEncoder implements FeatureEncoder {
  private final String input;
  private final List<String> vocabulary;
  private final Map<String, Integer> index;

  @JsonCreator
  public VocabularyEncoder(@JsonProperty("input") String input,
      @JsonProperty("vocabulary") List<String> vocabulary) {
    this.input = input;
    this.vocabulary = List.copyOf(vocabulary);
    this.index = new HashMap<>(vocabulary.size() * 2);
    for (int i = 0; i < vocabulary.size(); i++) {
      if (index.put(vocabulary.get(i), i) != null) {
        throw new IllegalArgumentException("vocabulary of '" + input + "' lists '" + vocabulary.get(i) + "' twice");
      }
    }
  }

  @Override
  @JsonProperty("input")
  public String input() {
    return input;
  }

  @JsonProperty("vocabulary")
  public List<String> vocabulary() {
    return vocabulary;
  }

  /** Index of a value, or -1 when it is not in the vocabulary. */
  public int indexOf(String value) {
    Integer i = index.get(value);
    return i == null ? -1 : i;
  }

  @Override
  public void encode(Column column, float[] out, int stride, int offset) {
    if (column.type() != ColumnType.STRING) {
      throw new ProdlineException("feature '" + input + "' must be a string (one of its categories) but got a "
          + column.type().fileName());
    }
    StringColumn strings = (StringColumn) column;
    // Look each distinct value up once, then map row codes through the small table.
    float[] byCode = new float[strings.dictionarySize()];
    for (int code = 0; code < byCode.length; code++) {
      int i = indexOf(strings.dictionaryValue(code));
      byCode[code] = i < 0 ? Float.NaN : i;
    }
    int rows = strings.size();
    for (int row = 0, pos = offset; row < rows; row++, pos += stride) {
      int code = strings.code(row);
      out[pos] = code < 0 ? Float.NaN : byCode[code];
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VocabularyEncoder v && v.input.equals(input) && v.vocabulary.equals(vocabulary);
  }

  @Override
  public int hashCode() {
    return input.hashCode() * 31 + vocabulary.hashCode();
  }

  @Override
  public String toString() {
    return "VocabularyEncoder[" + input + ", " + vocabulary.size() + " values]";
  }
}
