package io.prodline.serving.protocol.v2;

import java.util.List;

/**
 * A model's metadata in the Open Inference Protocol.
 *
 * @param name the model's name
 * @param versions the versions that can answer, newest first
 * @param platform {@code prodline_<runtime>}, e.g. {@code prodline_xgboost}
 * @param inputs one tensor per raw feature, in the manifest's order; for a bare model whose graph takes one input
 *     tensor, that tensor, FP32 {@code [-1, d]} (its per-column inputs are accepted too)
 * @param outputs the single output, FP32 {@code predictions}, or named after the graph's output for such a model
 */
public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
    List<TensorMetadata> outputs) {}
