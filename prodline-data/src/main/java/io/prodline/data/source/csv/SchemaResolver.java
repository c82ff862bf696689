package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides every column's type: declared ones (the options' schema, then its per-column types and the type hints
 * of the columns present) as given, the rest inferred from a sample of the first rows. The sample is only read
 * when some column is undeclared.
 */
final class SchemaResolver {
  private final String source;
  private final CsvOptions options;
  private final long headerLine;

  SchemaResolver(String source, CsvOptions options, long headerLine) {
    this.source = source;
    this.options = options;
    this.headerLine = headerLine;
  }

  /**
   * The columns in file order. Asks for the sample records (the first {@code sampleRows}) only when some column
   * is undeclared, and looks at them one at a time.
   */
  List<ResolvedColumn> resolve(List<String> names, Supplier<Iterator<TextRecord>> sample) {
    Map<String, ColumnType> declared = declaredTypes(names);
    TypeGuess[] guesses = new TypeGuess[names.size()];
    boolean anyUndeclared = false;
    for (int i = 0; i < names.size(); i++) {
      if (!declared.containsKey(names.get(i))) {
        guesses[i] = new TypeGuess();
        anyUndeclared = true;
      }
    }
    Iterator<TextRecord> records = anyUndeclared ? sample.get() : Collections.emptyIterator();
    while (records.hasNext()) {
      TextRecord record = records.next();
      if (record.fields().size() != names.size()) {
        continue; // a bad record, reported when it is read as data; it says nothing about the types
      }
      for (int i = 0; i < guesses.length; i++) {
        String cell = record.fields().get(i);
        if (guesses[i] != null && !options.isMissing(cell)) {
          guesses[i].observe(cell, record.line());
        }
      }
    }
    List<ResolvedColumn> columns = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      columns.add(guesses[i] == null
          ? new ResolvedColumn(new Field(name, declared.get(name)), false, null)
          : new ResolvedColumn(new Field(name, guesses[i].type()), true, guesses[i].note(source, name)));
    }
    return columns;
  }

  /** The declared types by name, after checking that every declared name is a column and, with a schema, back. */
  private Map<String, ColumnType> declaredTypes(List<String> names) {
    Map<String, ColumnType> declared = new HashMap<>();
    if (!options.schema().isEmpty()) {
      for (Field field : options.schema()) {
        declared.put(field.name(), field.type());
      }
      checkKnown(declared.keySet(), names, "the schema");
      for (String name : names) {
        if (!declared.containsKey(name)) {
          throw new DataFormatException(source, headerLine, "column '" + name
              + "' is not in the given schema " + options.schema() + "; add it to the schema or drop the column");
        }
      }
    }
    checkKnown(options.types().keySet(), names, "the declared types");
    options.typeHints().forEach((name, type) -> {
      if (names.contains(name)) {
        declared.putIfAbsent(name, type);
      }
    });
    declared.putAll(options.types());
    return declared;
  }

  private void checkKnown(Set<String> declaredNames, List<String> header, String where) {
    for (String name : declaredNames) {
      if (!header.contains(name)) {
        throw new DataFormatException(source, headerLine, where + " name column '" + name
            + "', which is not in the header; the header has " + header);
      }
    }
  }
}
