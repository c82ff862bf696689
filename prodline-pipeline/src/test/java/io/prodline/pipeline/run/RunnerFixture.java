package io.prodline.pipeline.run;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A home directory with a SQLite metadata store, probes registered as {@code Source} and {@code Join}. */
final class RunnerFixture implements AutoCloseable {
  final Path dir;
  final Path home;
  final MetadataDatabase db;
  final Probe source = new Probe("Source", 0);
  final Probe join = new Probe("Join", 1);
  final Probe join2 = new Probe("Join2", 2);
  final ComponentRegistry components = ComponentRegistry.discover().with(source, join, join2);

  RunnerFixture(Path dir) {
    this.dir = dir;
    this.home = dir.resolve("home");
    this.db = MetadataStores.open(null, home);
  }

  Pipeline load(String yaml) throws IOException {
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, yaml);
    return PipelineYaml.load(file, components);
  }

  RunResult run(Pipeline pipeline) {
    return run(pipeline, RunOptions.defaults());
  }

  RunResult run(Pipeline pipeline, RunOptions options) {
    return new PipelineRunner(db.store(), db.registry(), home, options).run(pipeline);
  }

  @Override
  public void close() {
    db.close();
  }
}
