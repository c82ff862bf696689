package io.prodline.serving.grpc.tfserving;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.grpc.tfserving.proto.Input;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.protocol.ExampleTask;

/**
 * TF Serving's {@code Classify}, {@code Regress} or a {@code MultiInference} task as a {@link RequestRunner.Call}:
 * once the model answering is known to do the task, its examples to the model's frame ({@link TfExamples}), then
 * the predictions to the response.
 *
 * @param call the call as messages name it, e.g. {@code Classify}
 * @param runner the runner, asked which non-finite values the model answering takes and how many rows it allows
 * @param <R> the response type
 */
record ExamplesCall<R>(ExampleTask task, String call, Input input, RequestRunner runner, Answer<R> answer)
    implements RequestRunner.Call<Frame, R> {
  /** Builds the response from the echoed model spec and the predictions. */
  @FunctionalInterface
  interface Answer<R> {
    R of(ModelSpec spec, Predictions predictions);
  }

  @Override
  public Frame decode(VersionHandle version) {
    BundleManifest manifest = version.predictor().bundle().manifest();
    task.require(version.model(), version.version(), manifest.task(), call,
        task == ExampleTask.CLASSIFY ? "Regress or Predict" : "Classify or Predict");
    return TfExamples.decode(input, version.predictor(), runner.decodeOptions(version));
  }

  @Override
  public Frame frame(Frame decoded) {
    return decoded;
  }

  @Override
  public R answer(VersionHandle version, Frame decoded, Predictions predictions) {
    return answer.of(ModelSpecs.predicted(version).build(), predictions);
  }
}
