package io.prodline.train.evaluate;

import io.prodline.core.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Slices of two specs crossed: one slice per pair of slices that shares rows, ordered by the first spec's slice
 * then the second's, named e.g. {@code country=DE, age=[18, 30)}. Pairs without rows are left out, so crossing
 * two wide features does not report thousands of empty slices.
 */
public record CrossSlices(SliceSpec first, SliceSpec second) implements SliceSpec {
  /** Most pairs a cross may have, occupied or not; a bound on the dense lookup table. */
  static final int MAX_PAIRS = 1 << 24;

  @Override
  public SliceAssignment assign(Frame features) {
    SliceAssignment a = first.assign(features);
    SliceAssignment b = second.assign(features);
    int width = b.keys().size();
    long pairs = (long) a.keys().size() * width;
    if (pairs > MAX_PAIRS) {
      throw new IllegalArgumentException("crossing " + first + " with " + second + " gives " + pairs
          + " possible slices, more than " + MAX_PAIRS);
    }
    int[] sliceOfPair = new int[(int) pairs];
    int[] rowsA = a.sliceOfRow();
    int[] rowsB = b.sliceOfRow();
    for (int row = 0; row < rowsA.length; row++) {
      sliceOfPair[rowsA[row] * width + rowsB[row]] = 1;
    }
    List<SliceKey> keys = new ArrayList<>();
    for (int pair = 0; pair < pairs; pair++) {
      if (sliceOfPair[pair] != 0) {
        sliceOfPair[pair] = keys.size();
        keys.add(a.keys().get(pair / width).and(b.keys().get(pair % width)));
      } else {
        sliceOfPair[pair] = -1;
      }
    }
    int[] slices = new int[rowsA.length];
    for (int row = 0; row < slices.length; row++) {
      slices[row] = sliceOfPair[rowsA[row] * width + rowsB[row]];
    }
    return new SliceAssignment(keys, slices);
  }
}
