package io.prodline.train.evaluate;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One slice per distinct value of a feature, in sorted order (text order for strings, numeric order otherwise),
 * rows with a missing value last in a slice named {@link SliceSpec#MISSING}.
 */
public record FeatureValueSlices(String feature) implements SliceSpec {
  @Override
  public SliceAssignment assign(Frame features) {
    Column column = features.column(feature);
    return column instanceof StringColumn strings ? assignStrings(strings) : assignNumbers(column);
  }

  /** Groups by dictionary code, then renumbers the codes in text order. */
  private SliceAssignment assignStrings(StringColumn column) {
    int size = column.dictionarySize();
    String[] sorted = column.dictionary().toArray(new String[0]);
    Arrays.sort(sorted);
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < size; i++) {
      rank.put(sorted[i], i);
    }
    int[] sliceOfCode = new int[size];
    for (int code = 0; code < size; code++) {
      sliceOfCode[code] = rank.get(column.dictionaryValue(code));
    }
    int[] slices = new int[column.size()];
    boolean anyMissing = false;
    for (int row = 0; row < slices.length; row++) {
      int code = column.code(row);
      anyMissing |= code < 0;
      slices[row] = code < 0 ? size : sliceOfCode[code];
    }
    List<SliceKey> keys = new ArrayList<>();
    for (String value : sorted) {
      keys.add(SliceKey.of(feature, value));
    }
    if (anyMissing) {
      keys.add(SliceKey.of(feature, MISSING));
    }
    return new SliceAssignment(keys, slices);
  }

  /** Groups numbers and booleans by value; null and NaN are missing. */
  private SliceAssignment assignNumbers(Column column) {
    Map<Double, Integer> firstSeen = new HashMap<>();
    int[] slices = new int[column.size()];
    boolean anyMissing = false;
    for (int row = 0; row < slices.length; row++) {
      double v = column.getDouble(row);
      if (Double.isNaN(v)) {
        anyMissing = true;
        slices[row] = -1;
      } else {
        slices[row] = firstSeen.computeIfAbsent(v + 0.0, x -> firstSeen.size());
      }
    }
    double[] valueOfId = new double[firstSeen.size()];
    firstSeen.forEach((value, id) -> valueOfId[id] = value);
    double[] byValue = valueOfId.clone();
    Arrays.sort(byValue);
    int[] order = new int[valueOfId.length];
    for (int id = 0; id < valueOfId.length; id++) {
      order[id] = Arrays.binarySearch(byValue, valueOfId[id]);
    }
    for (int row = 0; row < slices.length; row++) {
      slices[row] = slices[row] < 0 ? byValue.length : order[slices[row]];
    }
    List<SliceKey> keys = new ArrayList<>();
    for (double value : byValue) {
      keys.add(SliceKey.of(feature, name(column.type(), value)));
    }
    if (anyMissing) {
      keys.add(SliceKey.of(feature, MISSING));
    }
    return new SliceAssignment(keys, slices);
  }

  private static String name(ColumnType type, double value) {
    return switch (type) {
      case BOOL -> value != 0 ? "true" : "false";
      case INT64 -> Long.toString((long) value);
      default -> NumberText.of(value);
    };
  }
}
