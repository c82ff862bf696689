package io.prodline.metadata.store;

/** The value types a property may declare on an artifact, execution or context type. */
public enum PropertyType {
  INT,
  DOUBLE,
  STRING,
  BOOLEAN
}
