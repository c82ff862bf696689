/**
 * The {@code onnx} model runtime: ONNX Runtime sessions behind prodline's {@link io.prodline.core.runtime.ModelRuntime}
 * contract. A separate module because ONNX Runtime's native libraries are large and only serving needs them.
 */
package io.prodline.runtime.onnx;
