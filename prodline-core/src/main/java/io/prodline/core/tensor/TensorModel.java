package io.prodline.core.tensor;

import java.util.List;
import java.util.Map;

/**
 * A loaded model that takes and gives tensors as its graph declares them. Safe to call from many threads at once;
 * {@link #run} does no I/O.
 */
public interface TensorModel extends AutoCloseable {
  /** The inputs, in the graph's order. */
  List<TensorSpec> inputs();

  /** The outputs, in the graph's order. */
  List<TensorSpec> outputs();

  /**
   * Runs the model.
   *
   * @param inputs one tensor per input, by name, each of its input's type and fitting its shape
   *     ({@link TensorSpec#fits}); the caller checks this, with messages for its protocol
   * @param outputs the names of the outputs wanted, at least one
   * @return those outputs, in that order
   * @throws io.prodline.core.error.ModelRunException when the runtime fails on these inputs
   */
  List<Tensor> run(Map<String, Tensor> inputs, List<String> outputs);

  /** Releases the runtime's resources. */
  @Override
  void close();
}
