package io.prodline.train.transform;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.core.transform.VocabularyEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the default transform on training data: numeric columns pass through, string columns get a vocabulary.
 *
 * <p>The vocabulary is ordered as TensorFlow Transform orders it: most frequent value first, ties broken by the
 * value in descending byte order; so index 0 is the most common category.
 */
public final class TransformFitter {
  private TransformFitter() {}

  /** Fits one encoder per feature column, in the given order. */
  public static FittedTransform fit(Frame train, List<String> features) {
    List<FeatureEncoder> encoders = new ArrayList<>(features.size());
    for (String name : features) {
      Column column = train.column(name);
      if (column.type() == ColumnType.STRING) {
        encoders.add(new VocabularyEncoder(name, vocabulary((StringColumn) column)));
      } else {
        encoders.add(new NumericEncoder(name));
      }
    }
    return FittedTransform.of(encoders);
  }

  static List<String> vocabulary(StringColumn column) {
    long[] counts = new long[column.dictionarySize()];
    for (int row = 0; row < column.size(); row++) {
      int code = column.code(row);
      if (code >= 0) {
        counts[code]++;
      }
    }
    Map<String, Long> byValue = new HashMap<>();
    for (int code = 0; code < counts.length; code++) {
      if (counts[code] > 0) {
        byValue.put(column.dictionaryValue(code), counts[code]);
      }
    }
    List<String> values = new ArrayList<>(byValue.keySet());
    values.sort(Comparator.<String>comparingLong(byValue::get).reversed().thenComparing(Comparator.reverseOrder()));
    return values;
  }
}
