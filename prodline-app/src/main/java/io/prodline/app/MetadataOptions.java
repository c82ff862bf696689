package io.prodline.app;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads or writes metadata shares: where home is and which database to use. */
final class MetadataOptions {
  @Option(names = "--home", paramLabel = "DIR",
      description = "prodline's home directory (default: $PRODLINE_HOME, else ./.prodline).")
  Path home;

  @Option(names = "--metadata-url", paramLabel = "JDBC_URL",
      description = "Metadata database (default: SQLite file <home>/metadata.db), e.g. "
          + "jdbc:postgresql://db:5432/prodline?user=ml")
  String metadataUrl;

  Path home() {
    return Home.resolve(home);
  }

  MetadataDatabase open() {
    return MetadataStores.open(metadataUrl, home());
  }
}
