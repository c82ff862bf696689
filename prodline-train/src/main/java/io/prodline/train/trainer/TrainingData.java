package io.prodline.train.trainer;

import io.prodline.core.bundle.Task;
import java.util.List;
import java.util.Objects;

/**
 * What every trainer receives: the train and eval rows already encoded by the fitted transform (row-major,
 * {@code width} floats per row, NaN for missing) and their targets (class index for classification, the value
 * for regression). Trainers never see raw data, so whatever they fit consumes exactly what serving will feed it.
 *
 * @param classes class names in target-index order; empty for regression
 * @param featureNames one name per model input column, in column order
 */
public record TrainingData(Task task, List<String> classes, List<String> featureNames, int width,
                           float[] trainFeatures, float[] trainTargets, float[] evalFeatures, float[] evalTargets) {
  public TrainingData {
    Objects.requireNonNull(task, "task");
    classes = List.copyOf(classes);
    featureNames = List.copyOf(featureNames);
    if (featureNames.size() != width) {
      throw new IllegalArgumentException(featureNames.size() + " feature names for " + width + " columns");
    }
    if (trainFeatures.length != trainTargets.length * width || evalFeatures.length != evalTargets.length * width) {
      throw new IllegalArgumentException("feature matrices do not hold " + width + " values per target");
    }
  }

  public int trainRows() {
    return trainTargets.length;
  }

  public int evalRows() {
    return evalTargets.length;
  }
}
