package io.prodline.serving.grpc.tfserving;

import io.prodline.core.predict.Predictions;
import io.prodline.serving.grpc.tfserving.proto.ClassificationResponse;
import io.prodline.serving.grpc.tfserving.proto.ClassificationResult;
import io.prodline.serving.grpc.tfserving.proto.Classifications;
import io.prodline.serving.grpc.tfserving.proto.InferenceResult;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.MultiInferenceResponse;
import io.prodline.serving.grpc.tfserving.proto.RegressionResponse;
import io.prodline.serving.grpc.tfserving.proto.RegressionResult;
import io.prodline.serving.protocol.ExampleTask;
import io.prodline.serving.protocol.ResultsEncoder;

/**
 * TF Serving's {@code Classify}, {@code Regress} and {@code MultiInference} answers, one entry per example, with the numbers of REST's
 * {@code :classify} and {@code :regress} results ({@link ResultsEncoder}): every class, labelled with its name, in
 * the model's class order with its score; or the value.
 */
final class ExampleResults {
  private ExampleResults() {}

  static ClassificationResponse classification(ModelSpec spec, Predictions predictions) {
    return ClassificationResponse.newBuilder().setModelSpec(spec).setResult(classificationResult(predictions))
        .build();
  }

  static RegressionResponse regression(ModelSpec spec, Predictions predictions) {
    return RegressionResponse.newBuilder().setModelSpec(spec).setResult(regressionResult(predictions)).build();
  }

  /** The one result of a {@code MultiInference} task of {@code method}. */
  static MultiInferenceResponse multiInference(ExampleTask method, ModelSpec spec, Predictions predictions) {
    InferenceResult.Builder result = InferenceResult.newBuilder().setModelSpec(spec);
    switch (method) {
      case CLASSIFY -> result.setClassificationResult(classificationResult(predictions));
      case REGRESS -> result.setRegressionResult(regressionResult(predictions));
    }
    return MultiInferenceResponse.newBuilder().addResults(result).build();
  }

  private static ClassificationResult classificationResult(Predictions predictions) {
    ClassificationResult.Builder result = ClassificationResult.newBuilder();
    for (int row = 0; row < predictions.rows(); row++) {
      Classifications.Builder classes = result.addClassificationsBuilder();
      for (int k = 0; k < predictions.classes().size(); k++) {
        classes.addClassesBuilder().setLabel(predictions.classes().get(k))
            .setScore(ResultsEncoder.score(predictions, row, k));
      }
    }
    return result.build();
  }

  private static RegressionResult regressionResult(Predictions predictions) {
    RegressionResult.Builder result = RegressionResult.newBuilder();
    for (int row = 0; row < predictions.rows(); row++) {
      result.addRegressionsBuilder().setValue(predictions.value(row));
    }
    return result.build();
  }
}
