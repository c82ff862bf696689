package io.prodline.metadata.store;

/** The direction of an event: the execution read the artifact (INPUT) or produced it (OUTPUT). */
public enum EventType {
  INPUT,
  OUTPUT
}
