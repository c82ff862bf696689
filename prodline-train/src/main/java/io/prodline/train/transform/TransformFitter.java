package io.prodline.train.transform;

import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FittedTransform;
import java.util.ArrayList;
import java.util.List;

/** Fits a {@link TransformSpec} on training data in one pass: the spec, then its accumulator, then the fitted transform. */
public final class TransformFitter {
  private TransformFitter() {}

  /** Fits {@code spec} on the rows of {@code train}. */
  public static FittedTransform fit(TransformSpec spec, Frame train) {
    TransformAccumulator accumulator = TransformAccumulator.create(spec, fields(train));
    accumulator.add(train);
    return accumulator.result();
  }

  /**
   * Fits the default transform of {@code features}: numeric columns pass through, string columns get a
   * vocabulary of every training value in TensorFlow Transform's order (most frequent first).
   */
  public static FittedTransform fit(Frame train, List<String> features) {
    return fit(TransformSpec.defaults(features), train);
  }

  /** The name and type of each column of {@code frame}. */
  static List<Field> fields(Frame frame) {
    List<Field> fields = new ArrayList<>(frame.columnCount());
    for (int i = 0; i < frame.columnCount(); i++) {
      fields.add(new Field(frame.name(i), frame.type(i)));
    }
    return fields;
  }
}
