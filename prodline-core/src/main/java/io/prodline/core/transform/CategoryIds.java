package io.prodline.core.transform;

import io.prodline.core.frame.StringColumn;
import java.util.List;
import java.util.function.ToIntFunction;

/** Per-row category ids of a string column, computed once per distinct value and then mapped through codes. */
final class CategoryIds {
  private CategoryIds() {}

  /**
   * The id of each row: {@code idOf(value)}, or {@code idOf(fill)} for a missing row when {@code fill} is not
   * null, else -1.
   */
  static int[] of(StringColumn column, ToIntFunction<String> idOf, String fill) {
    int[] byCode = new int[column.dictionarySize()];
    for (int code = 0; code < byCode.length; code++) {
      byCode[code] = idOf.applyAsInt(column.dictionaryValue(code));
    }
    int missing = fill == null ? -1 : idOf.applyAsInt(fill);
    int[] ids = new int[column.size()];
    for (int row = 0; row < ids.length; row++) {
      int code = column.code(row);
      ids[row] = code < 0 ? missing : byCode[code];
    }
    return ids;
  }

  /** Output names for {@code categories} hashed buckets: {@code name} alone, or {@code name#i} per bucket. */
  static List<String> bucketNames(String name, CategoryEncoding encoding, int categories) {
    if (encoding == CategoryEncoding.INDEX) {
      return List.of(name);
    }
    String[] names = new String[categories];
    for (int i = 0; i < categories; i++) {
      names[i] = name + "#" + i;
    }
    return List.of(names);
  }
}
