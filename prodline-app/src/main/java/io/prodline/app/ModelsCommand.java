package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.registry.Audit;
import io.prodline.metadata.registry.HistoryEntry;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.ModelVersion;
import io.prodline.metadata.registry.RegisteredModel;
import io.prodline.pipeline.components.ServingDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prodline models list|show|alias|promote|rollback}: the model registry from the command line. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List registered models, show their versions and history, and move aliases.",
    subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Alias.class,
        ModelsCommand.Promote.class, ModelsCommand.Rollback.class})
final class ModelsCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Who and why, written to the registry's history with every change. */
  static final class AuditOptions {
    @Option(names = "--reason", defaultValue = "", description = "Why, for the history.")
    String reason;

    Audit audit() {
      return new Audit(System.getProperty("user.name", "unknown"), reason);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Registered models with their aliases.")
  static final class ListModels extends MetadataCommand {
    @Override
    public Integer call() {
      try (MetadataDatabase db = metadata.open()) {
        for (RegisteredModel m : db.registry().models()) {
          out().printf("%-24s latest v%-4d %s%n", m.name(), m.latestVersion(), aliases(m.aliases()));
        }
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "A model's versions and its history.")
  static final class Show extends MetadataCommand {
    @Parameters(paramLabel = "MODEL")
    String model;

    @Override
    public Integer call() {
      try (MetadataDatabase db = metadata.open()) {
        ModelRegistry r = db.registry();
        RegisteredModel m = r.model(model).orElseThrow(() -> new ProdlineException("no model '" + model
            + "' is registered; prodline models list shows what is"));
        out().println(m.name() + "  " + aliases(m.aliases()));
        for (ModelVersion v : r.versions(model)) {
          out().printf("  v%-4d %s  run %s  %s  metrics %s%n", v.version(), v.createTime(), v.sourceRun(),
              v.uri(), v.metricsJson());
        }
        out().println("history:");
        for (HistoryEntry h : r.history(model)) {
          out().printf("  %s  %-16s %s %s -> %s  by %s  %s%n", h.time(), h.action(),
              h.subject() == null ? "" : h.subject(), h.oldValue(), h.newValue(), h.actor(), h.reason());
        }
      }
      return 0;
    }
  }

  /**
   * A subcommand that moves an alias of MODEL in the registry: records who and why, prints where the alias points now
   * and re-projects the serving directory when it follows that alias.
   */
  abstract static class AliasMove extends MetadataCommand {
    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Mixin
    AuditOptions audit;

    /** The alias this command moves: the champion unless the subcommand's arguments name another. */
    String alias = ModelRegistry.CHAMPION;

    /** Moves the alias in the registry and returns the version it points at now. */
    abstract ModelVersion move(ModelRegistry registry, Audit audit);

    @Override
    public final Integer call() {
      try (MetadataDatabase db = metadata.open()) {
        ModelVersion v = move(db.registry(), audit.audit());
        out().println(model + "@" + alias + " -> v" + v.version());
        reproject(db.registry(), model, alias, out());
      }
      return 0;
    }
  }

  @Command(name = "alias", mixinStandardHelpOptions = true, description = "Point an alias at a version.")
  static final class Alias extends AliasMove {
    @Parameters(index = "2", paramLabel = "VERSION")
    int version;

    @Parameters(index = "1", paramLabel = "ALIAS")
    void alias(String alias) {
      this.alias = alias;
    }

    @Override
    ModelVersion move(ModelRegistry registry, Audit audit) {
      return registry.setAlias(model, alias, version, audit);
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a version the champion.")
  static final class Promote extends AliasMove {
    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    @Override
    ModelVersion move(ModelRegistry registry, Audit audit) {
      return registry.promote(model, version, audit);
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Move an alias (default champion) back to where it pointed before its last move.")
  static final class Rollback extends AliasMove {
    @Option(names = "--alias", defaultValue = ModelRegistry.CHAMPION, description = "Default: ${DEFAULT-VALUE}.")
    void alias(String alias) {
      this.alias = alias;
    }

    @Override
    ModelVersion move(ModelRegistry registry, Audit audit) {
      return registry.rollback(model, alias, audit);
    }
  }

  /**
   * The serving directory is a projection of the registry: when the moved alias is the one the model's serving
   * directory follows (recorded by the Pusher), project it again so the server picks up the change.
   */
  private static void reproject(ModelRegistry registry, String model, String alias, PrintWriter out) {
    if (!alias.equals(ServingDirectory.servingAlias(registry, model))) {
      return;
    }
    ServingDirectory.of(registry, model).ifPresent(serving -> {
      try {
        ModelVersion served = serving.project(registry, model, alias);
        out.println("serving " + serving.root().resolve(model).resolve(Integer.toString(served.version())));
      } catch (IOException e) {
        throw new UncheckedIOException("the alias moved, but the serving directory " + serving.root()
            + " could not be updated; run the command again to retry", e);
      }
    });
  }

  private static String aliases(Map<String, Integer> aliases) {
    return new TreeMap<>(aliases).entrySet().stream().map(e -> e.getKey() + "=v" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
