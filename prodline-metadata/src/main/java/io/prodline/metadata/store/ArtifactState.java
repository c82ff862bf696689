package io.prodline.metadata.store;

/**
 * Where an artifact's content stands: PENDING while it is being written, LIVE once published, MARKED_FOR_DELETION
 * when garbage collection may remove it, DELETED once its content is gone (the record stays for lineage).
 */
public enum ArtifactState {
  PENDING,
  LIVE,
  MARKED_FOR_DELETION,
  DELETED
}
