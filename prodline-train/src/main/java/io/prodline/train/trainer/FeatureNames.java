package io.prodline.train.trainer;

import io.prodline.core.transform.FittedTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Names for the model's input columns, used in feature importance and in the CSV an external trainer reads: the
 * raw column name where one column yields one input, else {@code f0, f1, ...} (XGBoost's own naming).
 */
public final class FeatureNames {
  private FeatureNames() {}

  public static List<String> of(FittedTransform transform) {
    List<String> inputs = transform.inputs();
    if (inputs.size() == transform.width() && inputs.stream().distinct().count() == inputs.size()) {
      return inputs;
    }
    List<String> names = new ArrayList<>(transform.width());
    for (int i = 0; i < transform.width(); i++) {
      names.add("f" + i);
    }
    return names;
  }
}
