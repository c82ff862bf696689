package io.prodline.pipeline.model;

import java.util.List;
import java.util.Optional;

/** The inputs a step of a component takes and the outputs it produces. */
public record Signature(List<Port> inputs, List<Port> outputs) {
  public Signature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public Optional<Port> input(String name) {
    return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<Port> output(String name) {
    return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
