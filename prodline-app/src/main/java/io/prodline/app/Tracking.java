package io.prodline.app;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say where runs are recorded: one metadata store for runs, pipelines and the registry. */
final class Tracking {
  @Option(names = "--home", paramLabel = "DIR",
      description = "prodline's home directory, holding metadata.db (default: $PRODLINE_HOME, else ./.prodline).")
  Path home;

  @Option(names = "--metadata-url", paramLabel = "URL",
      description = "Metadata database instead of <home>/metadata.db, e.g. jdbc:postgresql://host:5432/db?user=ml")
  String metadataUrl;

  @Option(names = "--experiment", defaultValue = "default", paramLabel = "NAME",
      description = "Experiment the runs belong to (default: ${DEFAULT-VALUE}).")
  String experiment;

  MetadataDatabase open() {
    return MetadataStores.open(metadataUrl, Home.resolve(home));
  }
}
