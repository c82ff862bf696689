package io.prodline.serving.grpc.tfserving;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.grpc.tfserving.proto.PredictRequest;
import io.prodline.serving.grpc.tfserving.proto.PredictResponse;
import io.prodline.serving.grpc.tfserving.proto.TensorProto;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.MessageText;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.ServingSignature;
import io.prodline.serving.protocol.v2.FrameAssembler;
import java.util.LinkedHashSet;
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
    Set<String> outputs = outputs(ServingSignature.outputName(graph));
    Frame frame = FrameAssembler.assemble(
        TensorProtos.inputs(request.getInputsMap(), version.predictor(), runner.limits().maxRows()),
        bundle.manifest().inputs(), graph, runner.nonFinite(version));
    return new Decoded(frame, outputs);
  }

  @Override
  public Frame frame(Decoded decoded) {
    return decoded.frame();
  }

  @Override
  public PredictResponse answer(VersionHandle version, Decoded decoded, Predictions predictions) {
    TensorProto tensor = TensorProtos.predictions(predictions);
    PredictResponse.Builder response = PredictResponse.newBuilder().setModelSpec(
        ModelSpecs.answered(version.model(), version.version()).setSignatureName(PredictRequestDecoder.SIGNATURE));
    for (String output : decoded.outputs()) {
      response.putOutputs(output, tensor);
    }
    return response.build();
  }

  /**
   * The names {@code output_filter} asks for, checked before anything is predicted: all outputs when empty (the
   * one, under {@code output}), else each name once, each naming the output.
   */
  private Set<String> outputs(String output) {
    List<String> filter = request.getOutputFilterList();
    if (filter.isEmpty()) {
      return Set.of(output);
    }
    Set<String> asked = new LinkedHashSet<>();
    for (String name : filter) {
      if (!name.equals(output) && !name.equals(ServingSignature.PREDICTIONS)) {
        throw new BadRequestException("output_filter names unknown output '" + MessageText.shortened(name)
            + "'; the model's output is '"
            + output + "'" + (output.equals(ServingSignature.PREDICTIONS) ? ""
            : " (also named '" + ServingSignature.PREDICTIONS + "')"));
      }
      if (!asked.add(name)) {
        throw new BadRequestException("output_filter names output '" + MessageText.shortened(name)
            + "' twice; name each output once");
      }
    }
    return asked;
  }
}
