package io.prodline.metadata.registry;

import java.util.List;
import java.util.Optional;

/**
 * Registered models, their versions and the aliases that say which version plays which role.
 *
 * <p>Versions are immutable; what moves is aliases (and tags), and every move is written with its {@link Audit}
 * to the model's {@link #history}, in the same transaction as the move. Serving and the pipeline's Evaluator
 * resolve an alias ({@link #versionByAlias}) rather than a number, so promoting or rolling back is one call.
 * Names of models, aliases and tags must not be empty; an alias must not be all digits, which would read as a
 * version number.
 */
public interface ModelRegistry {
  /** The alias of the version in production. */
  String CHAMPION = "champion";
  /** The alias of the version being tried against the champion. */
  String CHALLENGER = "challenger";

  /** Creates a model with no versions yet; an existing name is a conflict. */
  RegisteredModel createModel(String name, String description, Audit audit);

  /** Registers the next version (1, 2, …) of {@code model}, creating the model when it does not exist. */
  ModelVersion registerVersion(String model, NewModelVersion version, Audit audit);

  Optional<RegisteredModel> model(String name);

  /** All models, by name. */
  List<RegisteredModel> models();

  Optional<ModelVersion> version(String model, int version);

  /** All versions of {@code model}, oldest first. */
  List<ModelVersion> versions(String model);

  Optional<ModelVersion> versionByAlias(String model, String alias);

  /** Points {@code alias} at {@code version}, creating or moving it; pointing it where it already is records nothing. */
  ModelVersion setAlias(String model, String alias, int version, Audit audit);

  void removeAlias(String model, String alias, Audit audit);

  /** Makes {@code version} the {@link #CHAMPION}. */
  ModelVersion promote(String model, int version, Audit audit);

  /**
   * Moves {@code alias} back to the version it pointed to before its last move, as read from the history (see
   * {@link AliasHistory}); fails when there is none.
   */
  ModelVersion rollback(String model, String alias, Audit audit);

  void setModelTag(String model, String key, String value, Audit audit);

  void removeModelTag(String model, String key, Audit audit);

  void setVersionTag(String model, int version, String key, String value, Audit audit);

  void removeVersionTag(String model, int version, String key, Audit audit);

  /** Every change to {@code model}, oldest first. */
  List<HistoryEntry> history(String model);
}
