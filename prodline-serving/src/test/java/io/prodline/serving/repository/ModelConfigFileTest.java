package io.prodline.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model config file's per-model allow_nan. */
class ModelConfigFileTest {
  @TempDir
  Path dir;

  private RepositoryConfig read(String yaml) throws Exception {
    return ModelConfigFile.read(Files.writeString(dir.resolve("models.yaml"), yaml), dir);
  }

  @Test
  void allowNaNIsReadPerModelAndAbsentLeavesItToTheDefaultRule() throws Exception {
    RepositoryConfig config = read("models:\n  open: {allow_nan: true}\n  strict: {allow_nan: false}\n"
        + "  plain: {version_policy: all}\n");
    assertThat(config.settings("open").allowNaN()).contains(true);
    assertThat(config.settings("strict").allowNaN()).contains(false);
    assertThat(config.settings("plain").allowNaN()).isEmpty();
    assertThat(config.settings("unlisted").allowNaN()).isEqualTo(Optional.empty());
  }

  @Test
  void anAllowNaNThatIsNotABooleanIsRefusedNamingTheField() {
    assertThatThrownBy(() -> read("models:\n  m: {allow_nan: \"yes\"}\n")).isInstanceOf(ProdlineException.class)
        .hasMessage(dir.resolve("models.yaml") + ": models.m.allow_nan must be true or false, got \"yes\"");
    assertThatThrownBy(() -> read("models:\n  m: {allow_nans: true}\n"))
        .hasMessage(dir.resolve("models.yaml") + ": unknown field 'allow_nans' in models.m; expected "
            + "[allow_nan, labels, version_policy, warmup]");
  }
}
