package io.prodline.metadata.store;

import java.util.Objects;

/** One typed property value; the store checks it against the {@link PropertyType} its entity's type declares. */
public sealed interface PropertyValue {
  PropertyType type();

  static PropertyValue of(long value) {
    return new IntValue(value);
  }

  static PropertyValue of(double value) {
    return new DoubleValue(value);
  }

  static PropertyValue of(String value) {
    return new StringValue(value);
  }

  static PropertyValue of(boolean value) {
    return new BooleanValue(value);
  }

  record IntValue(long value) implements PropertyValue {
    @Override
    public PropertyType type() {
      return PropertyType.INT;
    }
  }

  record DoubleValue(double value) implements PropertyValue {
    @Override
    public PropertyType type() {
      return PropertyType.DOUBLE;
    }
  }

  record StringValue(String value) implements PropertyValue {
    public StringValue {
      Objects.requireNonNull(value, "string property value");
    }

    @Override
    public PropertyType type() {
      return PropertyType.STRING;
    }
  }

  record BooleanValue(boolean value) implements PropertyValue {
    @Override
    public PropertyType type() {
      return PropertyType.BOOLEAN;
    }
  }
}
