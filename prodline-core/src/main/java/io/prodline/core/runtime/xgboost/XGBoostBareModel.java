package io.prodline.core.runtime.xgboost;

import io.prodline.core.bundle.BareModelFormat;
import io.prodline.core.bundle.BareSignature;
import io.prodline.core.bundle.Task;
import io.prodline.core.bundle.TensorNames;
import java.nio.file.Path;
import java.util.List;

/**
 * Bare XGBoost models: {@code model.json} or {@code model.ubj} exactly as {@code Booster.save_model} writes them.
 * Inputs are the saved {@code feature_names}, or {@code f0 .. f(n-1)} (XGBoost's own default names) when the model
 * was trained without names. The task follows the objective: {@code binary:logistic} is binary classification
 * (classes "0", "1"), {@code multi:softprob} multiclass (classes "0" .. "k-1"), and every other objective
 * regression, its output served exactly as XGBoost's {@code predict} returns it (e.g. the margin of
 * {@code binary:logitraw}, the class index of {@code multi:softmax}) rather than guessing at a meaning.
 *
 * <p>XGBoost itself takes a model's features as one matrix, so the signature also names that matrix as one tensor
 * ({@link TensorNames}): {@code input__0} of shape {@code [N, features]} and {@code output__0}, the names Triton's
 * tree backend gives them. Clients written for Triton or KServe's XGBoost server send that one tensor; one
 * tensor per feature would cost a protocol message per feature on every call. A model with a feature of that name
 * keeps the per-feature names only.
 */
public final class XGBoostBareModel implements BareModelFormat {
  private static final TensorNames MATRIX = new TensorNames("input__0", "output__0", false);

  @Override
  public List<String> fileNames() {
    return List.of("model.json", "model.ubj");
  }

  @Override
  public String runtime() {
    return XGBoostRuntimeProvider.NAME;
  }

  @Override
  public BareSignature read(Path modelFile) {
    XGBoostRuntime model = XGBoostModelParser.parse(modelFile);
    List<String> inputs = model.featureNames().isEmpty()
        ? BareSignature.positionalNames("f", model.inputWidth()) : model.featureNames();
    TensorNames tensors = inputs.contains(MATRIX.input()) || inputs.contains(MATRIX.output()) ? null : MATRIX;
    return switch (model.objectiveName()) {
      case "binary:logistic" -> new BareSignature(inputs, Task.BINARY_CLASSIFICATION, List.of("0", "1"), tensors);
      case "multi:softprob" -> new BareSignature(inputs, Task.MULTICLASS_CLASSIFICATION,
          BareSignature.indexClasses(model.outputWidth()), tensors);
      default -> new BareSignature(inputs, Task.REGRESSION, List.of(), tensors);
    };
  }
}
