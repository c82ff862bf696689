package io.prodline.app;

import io.prodline.metadata.MetadataDatabase;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where runs are recorded: the metadata store every command shares (runs, pipelines and the registry live in one
 * store), and the experiment a run belongs to.
 */
final class Tracking {
  @Mixin
  MetadataOptions metadata = new MetadataOptions();

  @Option(names = "--experiment", defaultValue = "default", paramLabel = "NAME",
      description = "Experiment the runs belong to (default: ${DEFAULT-VALUE}).")
  String experiment;

  MetadataDatabase open() {
    return metadata.open();
  }
}
