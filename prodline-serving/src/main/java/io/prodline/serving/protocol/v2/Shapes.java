package io.prodline.serving.protocol.v2;

import io.prodline.serving.protocol.BadRequestException;
import java.util.Arrays;

/** Checks a client's tensor shape before anything is allocated for it. */
public final class Shapes {
  private Shapes() {}

  /**
   * The number of elements of {@code shape}, one for the protocol's scalar shape {@code []};
   * {@link BadRequestException} for a negative dimension or more elements than one request can hold (a Java array's
   * limit), so a forged shape cannot make the server allocate wildly.
   */
  public static int elementCount(long[] shape, String tensor) {
    long count = 1;
    for (long dim : shape) {
      if (dim < 0) {
        throw new BadRequestException("input '" + tensor + "' has shape " + Arrays.toString(shape)
            + "; dimensions cannot be negative");
      }
      count *= dim;
      if (count > Integer.MAX_VALUE - 8) {
        throw new BadRequestException("input '" + tensor + "' has shape " + Arrays.toString(shape)
            + ", more elements than one request can hold");
      }
    }
    return (int) count;
  }
}
