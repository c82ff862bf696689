package io.prodline.metadata.registry;

/** What a {@link HistoryEntry} records. */
public enum RegistryAction {
  CREATE_MODEL,
  REGISTER_VERSION,
  /** An alias was set or moved; old value is the version it left (null when new), new value the version. */
  SET_ALIAS,
  /** An alias was moved back by {@link ModelRegistry#rollback}; old and new value as for SET_ALIAS. */
  ROLLBACK_ALIAS,
  REMOVE_ALIAS,
  SET_TAG,
  REMOVE_TAG
}
