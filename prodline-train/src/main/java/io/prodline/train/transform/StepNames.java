package io.prodline.train.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** The YAML name of a step kind ({@code zscore}, {@code vocabulary}, ...), read from {@link StepSpec}'s mapping. */
final class StepNames {
  private StepNames() {}

  static String of(StepSpec step) {
    for (JsonSubTypes.Type type : StepSpec.class.getAnnotation(JsonSubTypes.class).value()) {
      if (type.value() == step.getClass()) {
        return type.name();
      }
    }
    throw new IllegalStateException("step kind without a name: " + step.getClass());
  }
}
