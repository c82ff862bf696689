package io.prodline.metadata;

import io.prodline.metadata.store.MetadataException;
import io.prodline.metadata.store.jdbc.JdbcDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Where the metadata lives. Embedded by default: a SQLite file {@value #SQLITE_FILE} under the prodline home
 * directory, created with its schema on first use. A team points every user at one PostgreSQL database instead
 * by giving its URL, e.g. {@code jdbc:postgresql://db.internal:5432/prodline?user=ml&password=…}.
 */
public final class MetadataStores {
  /** The SQLite file's name inside the home directory. */
  public static final String SQLITE_FILE = "metadata.db";

  private MetadataStores() {}

  /**
   * Opens (creating and migrating as needed) the database at {@code urlOrNull}, or the SQLite file under
   * {@code home} when it is null or blank.
   */
  public static MetadataDatabase open(String urlOrNull, Path home) {
    return open(urlOrNull, home, Clock.systemUTC());
  }

  /** As {@link #open(String, Path)}, with the clock that stamps create and update times. */
  public static MetadataDatabase open(String urlOrNull, Path home, Clock clock) {
    return new MetadataDatabase(JdbcDatabase.open(url(urlOrNull, home)), clock);
  }

  /** The JDBC URL {@link #open} connects to. */
  public static String url(String urlOrNull, Path home) {
    if (urlOrNull != null && !urlOrNull.isBlank()) {
      return urlOrNull.strip();
    }
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new MetadataException("cannot create the prodline home directory " + home + " for " + SQLITE_FILE
          + ": " + e.getMessage() + "; choose another with --home or PRODLINE_HOME", e);
    }
    return "jdbc:sqlite:" + home.toAbsolutePath().resolve(SQLITE_FILE);
  }
}
