package io.prodline.serving.management;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.ServingSnapshot;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.repository.RepositoryConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Triton's model repository extension, one implementation for both transports: the management port's
 * {@code /v2/repository/...} (REST) and the gRPC port's {@code RepositoryIndex}, {@code RepositoryModelLoad} and
 * {@code RepositoryModelUnload}, which send the management token as their {@code authorization} metadata. Load is
 * a {@code :reload} that must leave a version serving; unload takes every version out until the next load.
 */
public final class ModelControl {
  private final ModelRepository repository;
  private final BearerToken token;

  public ModelControl(ModelRepository repository, String token) {
    this.repository = repository;
    this.token = new BearerToken(token);
  }

  /** Whether an {@code Authorization} header (possibly {@code null}) presents the management token. */
  public boolean authorized(String header) {
    return token.accepts(header);
  }

  /** @param readyOnly Triton's {@code ready}: only the versions serving now */
  public List<RepositoryIndex.Entry> index(boolean readyOnly) {
    return RepositoryIndex.of(repository.modelsOnDisk(), repository.snapshot(), readyOnly);
  }

  /**
   * Loads {@code model} again from the repository directory; fails when no version of it serves afterwards, saying
   * why.
   *
   * @param parameters whether the request carried load parameters (Triton's {@code config}, {@code file:...}),
   *     which load a model from the request and are refused
   */
  public CompletableFuture<Void> load(String model, boolean parameters) {
    if (parameters) {
      throw new ProdlineException("load takes no parameters here: prodline loads what the repository directory "
          + "holds; put the model's files there and call load again");
    }
    return repository.reload(model).thenRun(() -> requireServing(model));
  }

  /** Unloads every version of {@code model} until the next load or reload. */
  public CompletableFuture<Void> unload(String model) {
    return repository.unloadAll(model);
  }

  /** The repository directory, against which a configuration's model paths are checked. */
  public Path repositoryRoot() {
    return repository.root();
  }

  /**
   * Serves {@code config} in place of the model config file until the server restarts (TF Serving's
   * {@code HandleReloadConfigRequest}); completes once every model it names serves, else fails naming each that
   * does not and why. The configuration stays in force either way, as in TF Serving.
   */
  public CompletableFuture<Void> replaceConfig(RepositoryConfig config) {
    return repository.replaceConfig(config).thenRun(() -> {
      List<String> failures = new ArrayList<>();
      List<String> onDisk = repository.modelsOnDisk();
      for (String model : config.models().keySet()) {
        if (!onDisk.contains(model)) {
          failures.add("failed to load '" + model + "': the repository has no directory " + model);
        } else {
          whyNotServing(model).ifPresent(failures::add);
        }
      }
      if (!failures.isEmpty()) {
        throw new ProdlineException(String.join("; ", failures));
      }
    });
  }

  private void requireServing(String model) {
    whyNotServing(model).ifPresent(problem -> {
      throw new ProdlineException(problem);
    });
  }

  /** Why {@code model} has no version serving, as "failed to load ..."; empty when one serves. */
  private Optional<String> whyNotServing(String model) {
    ServingSnapshot served = repository.snapshot();
    if (!served.contains(model)) {
      return Optional.of("failed to load '" + model + "': no version is loaded");
    }
    ModelSnapshot versions = served.model(model);
    if (versions.defaultVersion().isPresent()) {
      return Optional.empty();
    }
    return Optional.of("failed to load '" + model + "': " + versions.statuses().stream()
        .map(v -> "version " + v.version() + " is " + v.state() + (v.error() == null ? "" : ": " + v.error()))
        .collect(Collectors.joining("; ")));
  }
}
