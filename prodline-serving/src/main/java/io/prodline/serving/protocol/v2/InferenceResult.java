package io.prodline.serving.protocol.v2;

import java.util.List;

/**
 * The answer to an {@link InferenceRequest}.
 *
 * @param modelName the model that answered
 * @param modelVersion the version that answered, so a client that named none learns which
 * @param id the request's id, empty when it had none
 * @param outputs the outputs asked for, in the order asked
 */
public record InferenceResult(String modelName, String modelVersion, String id, List<OutputTensor> outputs) {}
