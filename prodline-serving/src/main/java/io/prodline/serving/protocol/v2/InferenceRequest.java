package io.prodline.serving.protocol.v2;

import java.util.List;

/**
 * An inference request, whatever the transport.
 *
 * @param id the client's request id, echoed in the answer; empty when none was given
 * @param inputs the input tensors, one per model input
 * @param outputs the outputs asked for; empty asks for every output
 * @param binaryOutputs whether outputs not listed in {@code outputs} come back as binary data (REST only)
 */
public record InferenceRequest(String id, List<InputTensor> inputs, List<RequestedOutput> outputs,
    boolean binaryOutputs) {
  public InferenceRequest {
    id = id == null ? "" : id;
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
