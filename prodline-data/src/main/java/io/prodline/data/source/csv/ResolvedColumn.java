package io.prodline.data.source.csv;

import io.prodline.core.schema.Field;

/** A column's name and type, and whether the type was inferred, which decides the advice when a value misfits. */
record ResolvedColumn(Field field, boolean inferred) {}
