package io.prodline.data.source.csv;

import io.prodline.core.schema.Field;

/**
 * A column's name and type, whether the type was inferred (which decides the advice when a value misfits), and a
 * warning when the inferred type may surprise (numbers read as string because of a few words), or null.
 */
record ResolvedColumn(Field field, boolean inferred, String inferenceNote) {}
