package io.prodline.data.stats;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names and types of a data set's columns, to check a column that an option names (a slice, weight or
 * categorical column): a name that is not there, or a column of a type the option cannot use, fails with the
 * columns the option could name instead.
 */
public final class DataColumns {
  private final Map<String, ColumnType> types;

  private DataColumns(Map<String, ColumnType> types) {
    this.types = types;
  }

  public static DataColumns of(List<Field> fields) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    fields.forEach(f -> types.put(f.name(), f.type()));
    return new DataColumns(types);
  }

  public static DataColumns of(Frame layout) {
    List<Field> fields = new ArrayList<>(layout.columnCount());
    for (int i = 0; i < layout.columnCount(); i++) {
      fields.add(new Field(layout.name(i), layout.type(i)));
    }
    return of(fields);
  }

  /**
   * Throws a {@link ProdlineException} unless {@code column} is a column of one of the {@code allowed} types.
   *
   * @param role what names the column, as the message starts, e.g. {@code slice column}
   */
  public void require(String role, String column, List<ColumnType> allowed) {
    ColumnType type = types.get(column);
    if (type == null) {
      throw new ProdlineException(role + " '" + column + "' is not a column of the data; the columns are "
          + String.join(", ", types.keySet()));
    }
    if (!allowed.contains(type)) {
      String kinds = alternatives(allowed);
      List<String> candidates = types.keySet().stream().filter(name -> allowed.contains(types.get(name))).toList();
      // int64 is the one type name read with a vowel first
      throw new ProdlineException(role + " '" + column + "' must be " + (kinds.startsWith("int") ? "an " : "a ")
          + kinds + " column, not " + type.fileName() + "; " + (candidates.isEmpty()
              ? "the data has no " + kinds + " column" : "the " + kinds + " columns are "
              + String.join(", ", candidates)));
    }
  }

  /**
   * The type names in the order given, as a person lists them: "int64", "float64 or int64", "string, int64 or bool".
   */
  private static String alternatives(List<ColumnType> allowed) {
    List<String> names = allowed.stream().map(ColumnType::fileName).toList();
    int last = names.size() - 1;
    return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }
}
