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

  /**
   * {@link #elementCount(long[], String)}, refused also beyond {@code maxRows} rows of {@code width} values, the
   * most one request may send for this tensor: its values are allocated before its rows are counted, and where a
   * single value fills the shape (TF Serving's typed fields) a huge shape costs the client nothing to send.
   */
  public static int elementCount(long[] shape, String tensor, int maxRows, int width) {
    int count = elementCount(shape, tensor);
    if (count > (long) maxRows * width) {
      throw new BadRequestException("input '" + tensor + "' has shape " + Arrays.toString(shape) + ", more than the "
          + maxRows + " rows" + (width > 1 ? " of " + width + " values" : "") + " this server accepts in one "
          + "request; split it into smaller requests");
    }
    return count;
  }
}
