package io.prodline.pipeline.model;

import java.util.Optional;

/** A connection to an upstream step's output, written {@code step.output} in YAML. */
public record InputRef(String step, String output) {
  /** Parses {@code step.output}; empty when the text is not of that shape. */
  public static Optional<InputRef> parse(String text) {
    int dot = text.indexOf('.');
    if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new InputRef(text.substring(0, dot), text.substring(dot + 1)));
  }

  @Override
  public String toString() {
    return step + "." + output;
  }
}
