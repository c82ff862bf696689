package io.prodline.core.runtime.xgboost;

import io.prodline.core.bundle.BareModelFormat;
import io.prodline.core.bundle.BareSignature;
import io.prodline.core.bundle.Task;
import java.nio.file.Path;
import java.util.List;

/**
 * Bare XGBoost models: {@code model.json} or {@code model.ubj} exactly as {@code Booster.save_model} writes them.
 * Inputs are the saved {@code feature_names}, or {@code f0 .. f(n-1)} (XGBoost's own default names) when the model
 * was trained without names. The task follows the objective: {@code binary:logistic} is binary classification
 * (classes "0", "1"), {@code multi:softprob} multiclass (classes "0" .. "k-1"), and every other objective
 * regression, its output served exactly as XGBoost's {@code predict} returns it (e.g. the margin of
 * {@code binary:logitraw}, the class index of {@code multi:softmax}) rather than guessing at a meaning.
 */
public final class XGBoostBareModel implements BareModelFormat {
  @Override
  public List<String> fileNames() {
    return List.of("model.json", "model.ubj");
  }

  @Override
  public String runtime() {
    return "xgboost";
  }

  @Override
  public BareSignature read(Path modelFile) {
    XGBoostRuntime model = XGBoostModelParser.parse(modelFile);
    List<String> inputs = model.featureNames().isEmpty()
        ? BareSignature.positionalNames("f", model.inputWidth()) : model.featureNames();
    return switch (model.objectiveName()) {
      case "binary:logistic" -> new BareSignature(inputs, Task.BINARY_CLASSIFICATION, List.of("0", "1"));
      case "multi:softprob" -> new BareSignature(inputs, Task.MULTICLASS_CLASSIFICATION,
          BareSignature.indexClasses(model.outputWidth()));
      default -> new BareSignature(inputs, Task.REGRESSION, List.of());
    };
  }
}
