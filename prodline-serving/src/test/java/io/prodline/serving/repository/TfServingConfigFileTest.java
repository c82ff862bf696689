package io.prodline.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TF Serving's models.config as prodline's model config file: what each field becomes, and what is refused. */
class TfServingConfigFileTest {
  @TempDir
  Path root;

  private Path file() {
    return root.resolve("models.config");
  }

  private RepositoryConfig read(String text) throws Exception {
    return ModelConfigFile.read(Files.writeString(file(), text), root);
  }

  /** One config entry for {@code name} at its place in the repository, with {@code more} fields after the path. */
  private String entry(String name, String more) {
    return "  config {\n    name: '" + name + "'\n    base_path: '" + root.resolve(name) + "'\n" + more + "  }\n";
  }

  @Test
  void readsAFileAsTfServingDocumentsIt() throws Exception {
    RepositoryConfig config = read("# the models this server serves\n"
        + "model_config_list {\n"
        + entry("houses", "    model_platform: 'tensorflow'\n"
            + "    model_version_policy {\n      specific {\n        versions: 3\n        versions: 4\n      }\n    }\n"
            + "    version_labels {\n      key: 'stable'\n      value: 3\n    }\n"
            + "    version_labels {\n      key: 'canary'\n      value: 4\n    }\n"
            + "    logging_config {\n      log_collector_config { type: 'file' filename_prefix: '/tmp/log' }\n"
            + "      sampling_config { sampling_rate: 0.01 }\n    }\n")
        + entry("iris", "    model_version_policy { all {} }\n")
        + entry("churn", "    model_version_policy: { latest: { num_versions: 2 } }\n")
        + entry("plain", "    model_version_policy { latest {} }\n")
        + "  config { name: \"default\" }\n"
        + "}\n");

    assertThat(config.listedOnly()).isTrue();
    assertThat(config.models()).containsOnlyKeys("houses", "iris", "churn", "plain", "default");
    assertThat(config.settings("houses").versionPolicy()).isEqualTo(VersionPolicy.Specific.of(List.of(3L, 4L)));
    assertThat(config.settings("houses").labels()).isEqualTo(Map.of("stable", 3L, "canary", 4L));
    assertThat(config.settings("houses").logSampling()).contains(0.01);
    assertThat(config.settings("iris").logSampling()).isEmpty();
    assertThat(config.settings("iris").versionPolicy()).isEqualTo(new VersionPolicy.All());
    assertThat(config.settings("churn").versionPolicy()).isEqualTo(new VersionPolicy.Latest(2));
    // TF Serving's defaults: one latest version, for an empty latest and for no policy at all.
    assertThat(config.settings("plain").versionPolicy()).isEqualTo(new VersionPolicy.Latest(1));
    assertThat(config.settings("default").versionPolicy()).isEqualTo(VersionPolicy.DEFAULT);
    assertThat(config.settings("default").labels()).isEmpty();
    // Only the listed models are served, as in TF Serving.
    assertThat(config.served(Map.of("houses", 1, "iris", 2, "unlisted", 3))).containsOnlyKeys("houses", "iris");
  }

  @Test
  void yamlStaysYamlAndServesEveryModel() throws Exception {
    RepositoryConfig config = ModelConfigFile.read(Files.writeString(root.resolve("models.yaml"),
        "# model_config_list is only a comment here\nmodels:\n  m: {version_policy: all}\n"), root);
    assertThat(config.listedOnly()).isFalse();
    assertThat(config.served(Map.of("m", 1, "other", 2))).containsOnlyKeys("m", "other");
  }

  @Test
  void aBasePathMustBeTheModelsPlaceInTheRepository() throws Exception {
    Path elsewhere = root.resolve("elsewhere/houses");
    assertThatThrownBy(() -> read("model_config_list { config { name: 'houses' base_path: '" + elsewhere
        + "' } }")).isInstanceOf(ProdlineException.class)
        .hasMessage(file() + ": model_config_list.config[0] ('houses') has base_path " + elsewhere + ", but "
            + "prodline serves every model from one directory, as <models>/<name>, here " + root.resolve("houses")
            + ": start prodline with --models set to the directory that holds the model directories, each named "
            + "as its model");
    assertThatThrownBy(() -> read("model_config_list { config { name: 'houses' base_path: 's3://bucket/houses' }"
        + " }")).hasMessage(file() + ": model_config_list.config[0] ('houses') has base_path 's3://bucket/houses'; "
            + "prodline reads models from a local directory: copy the model's version directories to "
            + root.resolve("houses"));
    // A trailing slash or a detour names the same directory, and so does a link to it.
    assertThat(read("model_config_list { config { name: 'houses' base_path: '" + root + "/x/../houses/' } }")
        .models()).containsOnlyKeys("houses");
    Files.createDirectories(root.resolve("houses"));
    Path link = Files.createSymbolicLink(root.resolve("link-to-houses"), root.resolve("houses"));
    assertThat(read("model_config_list { config { name: 'houses' base_path: '" + link + "' } }").models())
        .containsOnlyKeys("houses");
  }

  @Test
  void refusesWhatCannotBeServedAsWritten() {
    assertThatThrownBy(() -> read("model_config_list {\n  config {\n    name: 'm'\n    verison_labels { key: 'a' "
        + "value: 1 }\n  }\n}\n")).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("cannot read TF Serving model config " + file() + ": 4:5: ")
        .hasMessageContaining("verison_labels");
    assertThatThrownBy(() -> read("model_config_list { config { base_path: '/m' } }"))
        .hasMessage(file() + ": model_config_list.config[0] has no name; give each model the name clients call it "
            + "by");
    assertThatThrownBy(() -> read("model_config_list { config { name: 'm' } config { name: 'm' } }"))
        .hasMessage(file() + ": model_config_list.config[1] ('m') repeats a name listed before; list each model "
            + "once");
    assertThatThrownBy(() -> read("model_config_list { config { name: 'm' model_version_policy { specific {} } } }"))
        .hasMessage(file() + ": model_config_list.config[0] ('m') has model_version_policy.specific without "
            + "versions; list them, e.g. specific { versions: 1 versions: 3 }");
    assertThatThrownBy(() -> read("model_config_list { config { name: 'm' version_labels { key: 'stable' value: 0 }"
        + " } }")).hasMessage(file() + ": model_config_list.config[0] ('m') has version_labels['stable'] 0; "
            + "prodline's version directories are named by positive integers (1, 2, ...)");
    assertThatThrownBy(() -> read("model_config_list { config { name: 'm' version_labels { key: 'a b' value: 1 } }"
        + " }")).hasMessageContaining("has version label 'a b', which must match");
    assertThatThrownBy(() -> read("custom_model_config { }"))
        .hasMessage(file() + ": custom_model_config is a TF Serving extension point prodline has no use for; list "
            + "the models in model_config_list");
  }
}
