package io.prodline.train.trainer;

import io.prodline.core.transform.FittedTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Names for the model's input columns, used in feature importance and in the CSV an external trainer reads: the
 * transform's output names (the raw column name where one column yields one input, {@code city=paris} style names
 * for one-hot outputs), or {@code f0, f1, ...} (XGBoost's own naming) if two outputs would share a name.
 */
public final class FeatureNames {
  private FeatureNames() {}

  public static List<String> of(FittedTransform transform) {
    List<String> outputs = transform.outputNames();
    if (outputs.stream().distinct().count() == outputs.size()) {
      return outputs;
    }
    List<String> names = new ArrayList<>(transform.width());
    for (int i = 0; i < transform.width(); i++) {
      names.add("f" + i);
    }
    return names;
  }
}
