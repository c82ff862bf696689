package io.prodline.train.evaluate;

import java.util.List;

/**
 * The slices a {@link SliceSpec} found and, for every row, the index of its slice in {@code keys}.
 */
public record SliceAssignment(List<SliceKey> keys, int[] sliceOfRow) {
  public SliceAssignment {
    keys = List.copyOf(keys);
  }

  /** The row indices of each slice, ascending, by a counting sort: two linear passes, no boxing. */
  public int[][] rowsBySlice() {
    int[] counts = new int[keys.size()];
    for (int slice : sliceOfRow) {
      counts[slice]++;
    }
    int[][] rows = new int[keys.size()][];
    for (int s = 0; s < rows.length; s++) {
      rows[s] = new int[counts[s]];
    }
    int[] filled = new int[keys.size()];
    for (int row = 0; row < sliceOfRow.length; row++) {
      int s = sliceOfRow[row];
      rows[s][filled[s]++] = row;
    }
    return rows;
  }
}
