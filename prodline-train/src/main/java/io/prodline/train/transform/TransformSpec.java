package io.prodline.train.transform;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Feature engineering declared once: the output features, in the order the model sees them. Read from YAML with
 * {@link TransformSpecReader} or built in Java with {@link FeatureSpec} and {@link StepSpec}'s factories;
 * {@link TransformFitter} fits it into the {@link io.prodline.core.transform.FittedTransform} that training
 * and serving both apply.
 */
public record TransformSpec(List<FeatureSpec> features) {
  public TransformSpec {
    if (features == null || features.isEmpty()) {
      throw new IllegalArgumentException("a transform needs at least one feature");
    }
    features = List.copyOf(features);
    Set<String> names = new HashSet<>();
    for (FeatureSpec f : features) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("two features are named '" + f.name() + "'; give each a distinct name");
      }
    }
  }

  public static TransformSpec of(FeatureSpec... features) {
    return new TransformSpec(List.of(features));
  }

  /** The default transform: each column as itself (numbers pass through, strings get a vocabulary). */
  public static TransformSpec defaults(List<String> columns) {
    return new TransformSpec(columns.stream().map(FeatureSpec::of).toList());
  }

  /** The raw columns the features read, each once, in order of first use. */
  public List<String> inputs() {
    Set<String> inputs = new LinkedHashSet<>();
    for (FeatureSpec f : features) {
      inputs.addAll(f.inputs());
    }
    return List.copyOf(inputs);
  }
}
