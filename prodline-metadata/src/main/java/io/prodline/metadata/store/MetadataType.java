package io.prodline.metadata.store;

import java.util.Map;
import java.util.Objects;

/**
 * An artifact, execution or context type (for example artifact type {@code Model}, execution type {@code Trainer},
 * context type {@code run}) and the properties its entities may carry. Entities may leave a declared property out
 * but may not carry one that is not declared, so a typo fails at write time instead of hiding in the store.
 */
public record MetadataType(long id, TypeKind kind, String name, Map<String, PropertyType> properties) {
  public MetadataType {
    Objects.requireNonNull(kind, "kind");
    Names.require(name, kind.word() + " type name");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** Fails naming the entity, property and expected type when {@code values} do not fit this type. */
  public void check(String entity, Map<String, PropertyValue> values) {
    values.forEach((key, value) -> {
      PropertyType declared = properties.get(key);
      if (declared == null) {
        throw new MetadataException(entity + " has property '" + key + "' that " + kind.word() + " type '" + name
            + "' does not declare (declared: " + properties.keySet() + "); add it to the type with putType");
      }
      if (declared != value.type()) {
        throw new MetadataException(entity + " property '" + key + "' is " + value.type() + " but " + kind.word()
            + " type '" + name + "' declares it " + declared);
      }
    });
  }
}
