package io.prodline.metadata;

import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.jdbc.JdbcModelRegistry;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.metadata.store.jdbc.JdbcDatabase;
import io.prodline.metadata.store.jdbc.JdbcMetadataStore;
import java.time.Clock;

/**
 * An open metadata database: the store and the registry over one migrated schema and one connection pool. Close
 * it to release the pool; the store and registry must not be used afterwards.
 */
public final class MetadataDatabase implements AutoCloseable {
  private final JdbcDatabase db;
  private final MetadataStore store;
  private final ModelRegistry registry;

  MetadataDatabase(JdbcDatabase db, Clock clock) {
    this.db = db;
    this.store = new JdbcMetadataStore(db, clock);
    this.registry = new JdbcModelRegistry(db, clock);
  }

  public MetadataStore store() {
    return store;
  }

  public ModelRegistry registry() {
    return registry;
  }

  /** The database's URL, password hidden: for messages and {@code prodline … --verbose}. */
  public String url() {
    return db.url();
  }

  @Override
  public void close() {
    db.close();
  }
}
