/**
 * The Open Inference Protocol over gRPC: {@code inference.GRPCInferenceService} from KServe's published
 * {@code grpc_predict_v2.proto} (in {@code src/main/proto}), served on its own port beside the REST API. Messages
 * are mapped to {@link io.prodline.serving.protocol.v2} types and answered by
 * {@link io.prodline.serving.protocol.v2.V2Inference}, the same code the REST {@code /v2} endpoints use; errors
 * become gRPC status codes ({@link io.prodline.serving.grpc.GrpcAnswers}, shared with TF Serving's gRPC API in
 * {@link io.prodline.serving.grpc.tfserving}, served on the same port). gRPC brings its own shaded Netty, separate
 * from the REST server's.
 */
package io.prodline.serving.grpc;
