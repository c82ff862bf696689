package io.prodline.serving.grpc.tfserving;

import io.prodline.core.predict.Predictions;
import io.prodline.serving.grpc.tfserving.proto.ClassificationResponse;
import io.prodline.serving.grpc.tfserving.proto.ClassificationResult;
import io.prodline.serving.grpc.tfserving.proto.Classifications;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.RegressionResponse;
import io.prodline.serving.grpc.tfserving.proto.RegressionResult;
import io.prodline.serving.protocol.ResultsEncoder;

/**
 * TF Serving's {@code Classify} and {@code Regress} answers, one entry per example, with the numbers of REST's
 * {@code :classify} and {@code :regress} results ({@link ResultsEncoder}): every class, labelled with its name, in
 * the model's class order with its score; or the value.
 */
final class ExampleResults {
  private ExampleResults() {}

  static ClassificationResponse classification(ModelSpec spec, Predictions predictions) {
    ClassificationResult.Builder result = ClassificationResult.newBuilder();
    for (int row = 0; row < predictions.rows(); row++) {
      Classifications.Builder classes = result.addClassificationsBuilder();
      for (int k = 0; k < predictions.classes().size(); k++) {
        classes.addClassesBuilder().setLabel(predictions.classes().get(k))
            .setScore(ResultsEncoder.score(predictions, row, k));
      }
    }
    return ClassificationResponse.newBuilder().setModelSpec(spec).setResult(result).build();
  }

  static RegressionResponse regression(ModelSpec spec, Predictions predictions) {
    RegressionResult.Builder result = RegressionResult.newBuilder();
    for (int row = 0; row < predictions.rows(); row++) {
      result.addRegressionsBuilder().setValue(predictions.value(row));
    }
    return RegressionResponse.newBuilder().setModelSpec(spec).setResult(result).build();
  }
}
