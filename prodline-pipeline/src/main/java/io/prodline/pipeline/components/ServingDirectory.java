package io.prodline.pipeline.components;

import io.prodline.core.bundle.BundleReader;
import io.prodline.core.bundle.BundleWriter;
import io.prodline.core.error.ProdlineException;
import io.prodline.metadata.registry.Audit;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.ModelVersion;
import io.prodline.pipeline.run.Publisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The serving model directory as a projection of the registry: {@code <root>/<model>/} holds exactly one version
 * folder, the version one alias points to (its <em>serving alias</em>, normally {@code champion}), named by its
 * registry version and with that number in its {@code bundle.yaml}. The registry is the truth and keeps every
 * version's bundle at its {@code uri}; this folder is derived from it, so moving the alias (a push, a promote, a
 * rollback) and projecting again is all it takes to change what a polling model server serves.
 *
 * <p>Projecting is safe to watch: the wanted version is copied beside its place and renamed in (one atomic move),
 * and only then are the other versions renamed away and deleted, so a server polling the folder always sees at
 * least one whole bundle and never half of one. Projecting again changes nothing.
 *
 * <p>The Pusher records where it projected ({@link #DIR_TAG}) and which alias ({@link #ALIAS_TAG}) as tags of the
 * registered model, so {@code prodline models rollback} knows which folder to re-project without being told.
 */
public final class ServingDirectory {
  /** Model tag: the absolute serving directory the Pusher projects this model into. */
  public static final String DIR_TAG = "serving_dir";
  /** Model tag: the alias whose version the serving directory holds. */
  public static final String ALIAS_TAG = "serving_alias";

  private final Path root;

  public ServingDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The serving directory recorded by the last push of {@code model}, if it was ever pushed. */
  public static Optional<ServingDirectory> of(ModelRegistry registry, String model) {
    return registry.model(model).map(m -> m.tags().get(DIR_TAG)).map(d -> new ServingDirectory(Path.of(d)));
  }

  /** The alias the serving directory of {@code model} follows; {@code champion} when none was recorded. */
  public static String servingAlias(ModelRegistry registry, String model) {
    return registry.model(model).map(m -> m.tags().get(ALIAS_TAG)).orElse(ModelRegistry.CHAMPION);
  }

  public Path root() {
    return root;
  }

  /** Records this directory and {@code alias} as where and what {@code model} is served, when they changed. */
  public void adopt(ModelRegistry registry, String model, String alias, Audit audit) {
    var tags = registry.model(model).orElseThrow().tags();
    if (!root.toString().equals(tags.get(DIR_TAG))) {
      registry.setModelTag(model, DIR_TAG, root.toString(), audit);
    }
    if (!alias.equals(tags.get(ALIAS_TAG))) {
      registry.setModelTag(model, ALIAS_TAG, alias, audit);
    }
  }

  /**
   * Makes {@code <root>/<model>/} hold exactly the version {@code alias} points to.
   *
   * @return that version
   */
  public ModelVersion project(ModelRegistry registry, String model, String alias) throws IOException {
    ModelVersion wanted = registry.versionByAlias(model, alias).orElseThrow(() -> new ProdlineException(
        "model '" + model + "' has no alias '" + alias + "', so there is nothing to serve; point it at a version "
            + "with prodline models alias " + model + " " + alias + " VERSION"));
    Path modelDir = root.resolve(model);
    Path target = modelDir.resolve(Integer.toString(wanted.version()));
    if (!Files.isDirectory(target)) {
      publish(wanted, target);
    }
    for (Path other : versionFolders(modelDir)) {
      if (!other.equals(target)) {
        Path removed = other.resolveSibling("." + other.getFileName() + ".removed-" + UUID.randomUUID());
        Files.move(other, removed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Publisher.discard(removed);
      }
    }
    return wanted;
  }

  /** The version folders a model server would load from {@code modelDir}: the ones named by a number. */
  public static List<Path> versionFolders(Path modelDir) throws IOException {
    if (!Files.isDirectory(modelDir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(modelDir)) {
      return children.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("[1-9][0-9]*"))
          .sorted().toList();
    }
  }

  private static void publish(ModelVersion version, Path target) throws IOException {
    Path bundle = Path.of(version.uri());
    if (!Files.isDirectory(bundle)) {
      throw new ProdlineException("version " + version.version() + " of '" + version.model() + "' cannot be "
          + "served: its bundle " + bundle + " is gone");
    }
    Path staging = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      BundleFolders.copy(bundle, staging);
      BundleWriter.rewriteManifest(staging,
          BundleReader.read(staging).manifest().withVersion(version.version()));
      Publisher.publish(staging, target);
    } finally {
      Publisher.discard(staging);
    }
  }
}
