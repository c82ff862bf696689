package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column names from the header row, which must be non-blank and distinct so every column can be addressed. */
final class HeaderNames {
  private HeaderNames() {}

  /** The names, in file order; column positions in messages are 1-based, as a person counts them. */
  static List<String> of(String source, TextRecord header) {
    List<String> names = header.fields();
    long line = header.line();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw new DataFormatException(source, line,
            "header column " + (i + 1) + " has no name; give every column a name in the header row");
      }
      Integer earlier = positions.putIfAbsent(name, i + 1);
      if (earlier != null) {
        throw new DataFormatException(source, line, "header columns " + earlier + " and " + (i + 1)
            + " are both named '" + name + "'; column names must be unique");
      }
    }
    return names;
  }
}
