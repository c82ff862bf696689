/**
 * The Open Inference Protocol (KServe v2), independent of transport: its data types, tensors, requests and
 * results ({@link io.prodline.serving.protocol.v2.InferenceRequest},
 * {@link io.prodline.serving.protocol.v2.InferenceResult}),
 * how tensors become a prodline {@link io.prodline.core.frame.Frame} and how a model's answer becomes output
 * tensors ({@link io.prodline.serving.protocol.v2.V2Inference}), plus the REST wire format: the JSON body and the
 * binary tensor data extension. The gRPC transport maps its messages to the same types, so both transports
 * accept exactly the same tensors and give the same answers.
 */
package io.prodline.serving.protocol.v2;
