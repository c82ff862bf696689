/**
 * Models that take and give tensors as their graph declares them (several inputs, any element type, any rank), for
 * the files prodline serves as they are but cannot read as rows of features: what the Open Inference Protocol
 * sends such a model reaches it tensor for tensor. {@link io.prodline.core.tensor.TensorModels} loads them through
 * the runtimes' {@link io.prodline.core.tensor.TensorModelFormat}s.
 */
package io.prodline.core.tensor;
