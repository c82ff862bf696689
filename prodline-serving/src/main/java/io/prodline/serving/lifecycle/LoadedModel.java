package io.prodline.serving.lifecycle;

import io.prodline.core.predict.Predictor;
import io.prodline.core.tensor.TensorModel;

/**
 * What a loaded version serves, one of two: a {@link Predictor} (rows of named features in, a value or class scores
 * per row out; every protocol and format, batching, the prediction log), or a {@link TensorModel} (a graph that is
 * not rows of features, its tensors in and out as it declares them; the Open Inference Protocol).
 *
 * @param predictor the predictor, or {@code null} for a tensor model
 * @param tensors the tensor model, or {@code null} for a predictor
 */
public record LoadedModel(Predictor predictor, TensorModel tensors) implements AutoCloseable {
  public LoadedModel {
    if ((predictor == null) == (tensors == null)) {
      throw new IllegalArgumentException("a loaded model is a predictor or a tensor model, one of the two");
    }
  }

  public static LoadedModel of(Predictor predictor) {
    return new LoadedModel(predictor, null);
  }

  public static LoadedModel of(TensorModel tensors) {
    return new LoadedModel(null, tensors);
  }

  @Override
  public void close() {
    if (predictor != null) {
      predictor.close();
    } else {
      tensors.close();
    }
  }
}
