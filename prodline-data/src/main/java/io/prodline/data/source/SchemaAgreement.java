package io.prodline.data.source;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a span has the columns and types of the first span, so that statistics over a location never
 * mix two meanings of one column. Column order may differ; {@link SpannedSource} puts it back in the first
 * span's order.
 */
final class SchemaAgreement {
  private SchemaAgreement() {}

  static void check(Path first, List<Field> expected, Path span, List<Field> actual) {
    Map<String, ColumnType> types = new HashMap<>();
    expected.forEach(field -> types.put(field.name(), field.type()));
    for (Field field : actual) {
      ColumnType type = types.remove(field.name());
      if (type == null) {
        throw new DataFormatException(span.toString(), "column '" + field.name() + "' is not in the first span, "
            + first + ", whose columns are " + expected + "; every span of a location must have the same columns");
      }
      if (type != field.type()) {
        throw new DataFormatException(span.toString(), "column '" + field.name() + "' is " + field.type().fileName()
            + " here but " + type.fileName() + " in the first span, " + first
            + "; every span of a location must have the same column types");
      }
    }
    if (!types.isEmpty()) {
      String missing = expected.stream().map(Field::name).filter(types::containsKey).findFirst().orElseThrow();
      throw new DataFormatException(span.toString(), "has no column '" + missing + "', which the first span, "
          + first + ", has; every span of a location must have the same columns");
    }
  }
}
