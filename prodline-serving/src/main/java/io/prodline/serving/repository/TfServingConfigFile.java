package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.config.ConfigText;
import io.prodline.serving.grpc.tfserving.proto.FileSystemStoragePathSourceConfig.ServableVersionPolicy;
import io.prodline.serving.grpc.tfserving.proto.ModelConfig;
import io.prodline.serving.grpc.tfserving.proto.ModelServerConfig;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TensorFlow Serving's model config file ({@code --model_config_file}, often {@code models.config}): a
 * {@code ModelServerConfig} in protobuf text format, read as prodline's model config file so that the file of a TF
 * Serving deployment configures prodline unchanged; the same message also comes in TF Serving's
 * {@code HandleReloadConfigRequest} ({@link #of}):
 * <pre>{@code
 * model_config_list {
 *   config {
 *     name: 'houses'
 *     base_path: '/models/houses'
 *     model_platform: 'tensorflow'
 *     model_version_policy { specific { versions: 3 versions: 4 } }
 *     version_labels { key: 'stable' value: 3 }
 *     version_labels { key: 'canary' value: 4 }
 *   }
 * }
 * }</pre>
 * As in TF Serving, only the models it lists are served. Each keeps its name, version policy
 * ({@code latest}, whose {@code num_versions} defaults to 1, {@code all} or {@code specific}) and labels. prodline
 * serves one directory, so a model's {@code base_path} must be {@code <models>/<name>}; the platform is read past
 * (the version directories say what the model is); {@code logging_config}'s
 * {@code sampling_config.sampling_rate} is the share of the model's requests the prediction log records
 * ({@code serve --prediction-log} says where; its {@code log_collector_config} is read past). An unknown field is
 * an error naming its line, as a misspelt one would otherwise be dropped.
 */
public final class TfServingConfigFile {
  private TfServingConfigFile() {}

  /**
   * Whether {@code text} is in this format rather than YAML: its first field, after blank lines and {@code #}
   * comments, is one of a {@code ModelServerConfig}'s.
   */
  static boolean isOne(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    return text.startsWith("model_config_list", i) || text.startsWith("custom_model_config", i);
  }

  /**
   * The configuration {@code text} of {@code file} gives the repository at {@code root}; {@link ProdlineException}
   * naming the file, and the line or the model, when it cannot be served as written.
   */
  static RepositoryConfig read(Path file, String text, Path root) {
    ModelServerConfig server =
        ConfigText.TF_SERVING.parse(text, file, "model config", ModelServerConfig.newBuilder(), "").build();
    return of(server, root, file.toString());
  }

  /**
   * The configuration {@code server} gives the repository at {@code root}; {@link ProdlineException} starting with
   * {@code source} (the file, or the request it came in) when it cannot be served as written.
   */
  public static RepositoryConfig of(ModelServerConfig server, Path root, String source) {
    if (server.hasCustomModelConfig()) {
      throw new ProdlineException(source + ": custom_model_config is a TF Serving extension point prodline has no "
          + "use for; list the models in model_config_list");
    }
    Map<String, ModelSettings> models = new LinkedHashMap<>();
    int index = 0;
    for (ModelConfig model : server.getModelConfigList().getConfigList()) {
      String where = source + ": model_config_list.config[" + index++ + "]";
      if (model.getName().isEmpty()) {
        throw new ProdlineException(where + " has no name; give each model the name clients call it by");
      }
      where += " ('" + model.getName() + "')";
      if (models.containsKey(model.getName())) {
        throw new ProdlineException(where + " repeats a name listed before; list each model once");
      }
      requireBasePath(model, root, where);
      models.put(model.getName(), new ModelSettings(policy(model, where), labels(model, where),
          WarmupSettings.DEFAULT, Optional.empty(), Optional.empty(), logSampling(model, where)));
    }
    return new RepositoryConfig(models, true);
  }

  /**
   * The share of requests {@code logging_config.sampling_config.sampling_rate} logs; empty without a
   * {@code logging_config}. As in TF Serving, a {@code logging_config} without a rate logs none.
   */
  private static Optional<Double> logSampling(ModelConfig model, String where) {
    if (!model.hasLoggingConfig()) {
      return Optional.empty();
    }
    double rate = model.getLoggingConfig().getSamplingConfig().getSamplingRate();
    if (!(rate >= 0 && rate <= 1)) {
      throw new ProdlineException(where + " has logging_config.sampling_config.sampling_rate " + rate
          + "; it is the share of requests logged, from 0 to 1");
    }
    return Optional.of(rate);
  }

  /** The base path, when given, must be where prodline looks for the model: {@code <root>/<name>}. */
  private static void requireBasePath(ModelConfig model, Path root, String where) {
    String basePath = model.getBasePath();
    if (basePath.isEmpty()) {
      return;
    }
    Path expected = root.resolve(model.getName()).toAbsolutePath().normalize();
    if (basePath.contains("://")) {
      throw new ProdlineException(where + " has base_path '" + basePath + "'; prodline reads models from a local "
          + "directory: copy the model's version directories to " + expected);
    }
    Path given;
    try {
      given = Path.of(basePath).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ProdlineException(where + " has base_path '" + basePath + "', which is not a path here", e);
    }
    if (!given.equals(expected) && !sameDirectory(given, expected)) {
      throw new ProdlineException(where + " has base_path " + given + ", but prodline serves every model from "
          + "one directory, as <models>/<name>, here " + expected + ": start prodline with --models set to the "
          + "directory that holds the model directories, each named as its model");
    }
  }

  /** Whether two paths that differ in spelling (a symbolic link, say) name one existing directory. */
  private static boolean sameDirectory(Path a, Path b) {
    try {
      return Files.isDirectory(a) && Files.isDirectory(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static VersionPolicy policy(ModelConfig model, String where) {
    ServableVersionPolicy policy = model.getModelVersionPolicy();
    return switch (policy.getPolicyChoiceCase()) {
      case LATEST -> VersionPolicyFields.latest(policy.getLatest().getNumVersions(), where, "model_version_policy");
      case ALL -> new VersionPolicy.All();
      case SPECIFIC -> VersionPolicyFields.specific(policy.getSpecific().getVersionsList(), where,
          "model_version_policy", "specific { versions: 1 versions: 3 }");
      case POLICYCHOICE_NOT_SET -> VersionPolicy.DEFAULT;
    };
  }

  private static Map<String, Long> labels(ModelConfig model, String where) {
    Map<String, Long> labels = new HashMap<>();
    model.getVersionLabelsMap().forEach((label, version) -> {
      if (!RepositoryConfig.LABEL.matcher(label).matches()) {
        throw new ProdlineException(where + " has version label '" + label + "', which must match "
            + RepositoryConfig.LABEL.pattern());
      }
      VersionPolicyFields.requirePositive(version, where, "version_labels['" + label + "']");
      labels.put(label, version);
    });
    return labels;
  }
}
