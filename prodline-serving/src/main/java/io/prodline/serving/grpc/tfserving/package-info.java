/**
 * TensorFlow Serving's gRPC API: {@code tensorflow.serving.PredictionService} ({@code Predict}, {@code Classify},
 * {@code Regress}, {@code GetModelMetadata}) and {@code tensorflow.serving.ModelService} ({@code GetModelStatus}) from TF Serving's
 * protos (in {@code src/main/proto}, generated into {@code io.prodline.serving.grpc.tfserving.proto}), served on the
 * gRPC port beside the Open Inference Protocol's service, so that TF Serving's gRPC clients work unchanged.
 * Predictions run through the same {@link io.prodline.serving.inference.RequestRunner} as every protocol; requests
 * become the protocol-neutral tensors of {@link io.prodline.serving.protocol.v2} and the frame
 * {@link io.prodline.serving.protocol.v2.FrameAssembler} builds; signatures and version states are the ones TF
 * Serving's REST API reports ({@link io.prodline.serving.protocol.ServingSignature},
 * {@link io.prodline.serving.protocol.TfServingVersionStatus}).
 */
package io.prodline.serving.grpc.tfserving;
