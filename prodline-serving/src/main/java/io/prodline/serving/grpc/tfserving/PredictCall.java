package io.prodline.serving.grpc.tfserving;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.grpc.tfserving.proto.PredictRequest;
import io.prodline.serving.grpc.tfserving.proto.PredictResponse;
import io.prodline.serving.grpc.tfserving.proto.TensorProto;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.protocol.NonFiniteInputs;
import io.prodline.serving.protocol.ServingSignature;
import io.prodline.serving.protocol.v2.FrameAssembler;
import java.util.List;
import java.util.Set;

/**
 * TF Serving's {@code Predict} as a {@link RequestRunner.Call}: input tensors to the model's frame, predictions to
 * the output tensors asked for. The answer's one output is named as the signature names it
 * ({@link ServingSignature#outputName}); {@code output_filter} may also name it {@code predictions}, and the answer
 * then uses the name asked, as the Open Inference Protocol does.
 *
 * @param runner the runner, asked which non-finite values the model answering takes and how many rows a request
 *     may hold
 */
record PredictCall(PredictRequest request, RequestRunner runner)
    implements RequestRunner.Call<PredictCall.Decoded, PredictResponse> {
  /** A request as the model's frame and the output names to answer under, in the order asked. */
  record Decoded(Frame frame, Set<String> outputs) {}

  @Override
  public Decoded decode(VersionHandle version) {
    Bundle bundle = version.predictor().bundle();
    TensorNames graph = bundle.tensors();
    List<String> filter = request.getOutputFilterList();
    Set<String> outputs = filter.isEmpty() ? Set.of(ServingSignature.outputName(graph))
        : ServingSignature.requestedOutputs(filter, graph, "output_filter");
    Frame frame = assemble(request, version.predictor(), runner.limits().maxRows(), runner.nonFinite(version));
    return new Decoded(frame, outputs);
  }

  /** The frame of {@code request}'s input tensors, as {@code predictor}'s model takes them. */
  static Frame assemble(PredictRequest request, Predictor predictor, int maxRows, NonFiniteInputs nonFinite) {
    Bundle bundle = predictor.bundle();
    return FrameAssembler.assemble(TensorProtos.inputs(request.getInputsMap(), predictor, maxRows),
        bundle.manifest().inputs(), bundle.tensors(), nonFinite);
  }

  @Override
  public Frame frame(Decoded decoded) {
    return decoded.frame();
  }

  @Override
  public PredictResponse answer(VersionHandle version, Decoded decoded, Predictions predictions) {
    TensorProto tensor = TensorProtos.predictions(predictions);
    PredictResponse.Builder response = PredictResponse.newBuilder().setModelSpec(ModelSpecs.predicted(version));
    for (String output : decoded.outputs()) {
      response.putOutputs(output, tensor);
    }
    return response.build();
  }
}
