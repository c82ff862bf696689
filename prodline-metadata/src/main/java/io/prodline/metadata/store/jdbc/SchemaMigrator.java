package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.MetadataException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database's schema to the version this code needs, with Flyway's versioned migrations from
 * {@code classpath:db/migration}. Applied migrations are recorded in {@code flyway_schema_history}, so opening an
 * up-to-date store again changes nothing.
 */
final class SchemaMigrator {
  private SchemaMigrator() {}

  static void migrate(DataSource dataSource, Dialect dialect, String redactedUrl) {
    try {
      Flyway.configure(SchemaMigrator.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .placeholders(Map.of("id", dialect.idColumn()))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new MetadataException("cannot bring the metadata schema of " + redactedUrl + " up to date: "
          + e.getMessage() + "; a database changed by hand or by a newer prodline needs its own migration", e);
    }
  }
}
