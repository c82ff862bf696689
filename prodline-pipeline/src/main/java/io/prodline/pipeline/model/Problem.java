package io.prodline.pipeline.model;

/** One thing wrong with a pipeline definition, at the place it was written. */
public record Problem(Location location, String message) {
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
