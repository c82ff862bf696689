package io.prodline.serving.protocol.v2;

import io.prodline.serving.protocol.BadRequestException;

/**
 * An output the client asked for.
 *
 * @param name the output's name
 * @param binary whether the REST answer carries it in the binary tensor data extension instead of JSON
 * @param classification how many top classes per row to answer instead of the values, as Triton's classification
 *     extension asks; 0 for the values themselves
 */
public record RequestedOutput(String name, boolean binary, int classification) {
  /** The output parameter of Triton's classification extension. */
  public static final String CLASSIFICATION = "classification";

  /**
   * The class count a {@code classification} parameter asks for: a positive integer, else a
   * {@link BadRequestException}.
   *
   * @param value the parameter's integer value, or {@code null} when it is not an integer
   */
  public static int classCount(Long value, String output) {
    if (value == null || value < 1) {
      throw new BadRequestException("parameter classification of output '" + output + "' must be a positive "
          + "integer, the number of top classes to answer per row");
    }
    return (int) Math.min(value, Integer.MAX_VALUE);
  }
}
