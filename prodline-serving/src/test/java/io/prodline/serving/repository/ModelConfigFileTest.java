package io.prodline.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.batching.ModelBatching;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
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
            + "[allow_nan, batching, labels, prediction_log, version_policy, warmup]");
  }

  @Test
  void aFileThatIsNotYamlIsOneLineNamingItsLine() {
    assertThatThrownBy(() -> read("models:\n  m:\n    version_policy: {latest: 2\n"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("model config " + dir.resolve("models.yaml") + ":4: not valid YAML: ")
        .hasMessageNotContaining("\n").hasMessageNotContaining("^");
  }

  @Test
  void predictionLogSamplingIsAShareFromZeroToOne() throws Exception {
    RepositoryConfig config = read("models:\n  tenth: {prediction_log: {sampling_rate: 0.1}}\n"
        + "  none: {prediction_log: {sampling_rate: 0}}\n  all: {}\n");
    assertThat(config.settings("tenth").logSampling()).contains(0.1);
    assertThat(config.settings("none").logSampling()).contains(0.0);
    assertThat(config.settings("all").logSampling()).isEmpty();
    assertThatThrownBy(() -> read("models:\n  m: {prediction_log: {sampling_rate: 1.5}}\n"))
        .isInstanceOf(ProdlineException.class)
        .hasMessage(dir.resolve("models.yaml") + ": models.m.prediction_log.sampling_rate must be a number from 0 "
            + "(log none) to 1 (log all), got 1.5");
  }

  @Test
  void batchingIsOffOrAMapOfWhatTheModelSets() throws Exception {
    RepositoryConfig config = read("models:\n  fast: {batching: off}\n  big: {batching: {max_delay_ms: 0.5, "
        + "max_rows: 64}}\n  queued: {batching: {queue: 10}}\n  plain: {}\n");
    assertThat(config.settings("fast").batching()).contains(ModelBatching.OFF);
    assertThat(config.settings("big").batching()).contains(new ModelBatching(true,
        Optional.of(Duration.ofNanos(500_000)), OptionalInt.of(64), OptionalInt.empty()));
    assertThat(config.settings("queued").batching()).contains(new ModelBatching(true, Optional.empty(),
        OptionalInt.empty(), OptionalInt.of(10)));
    assertThat(config.settings("plain").batching()).isEmpty();

    assertThatThrownBy(() -> read("models:\n  m: {batching: {max_delay_ms: -1}}\n"))
        .hasMessage(dir.resolve("models.yaml") + ": models.m.batching.max_delay_ms must be a number of "
            + "milliseconds from 0 to 60000 (0: a batch takes what queues until a worker is free), got -1");
    assertThatThrownBy(() -> read("models:\n  m: {batching: {max_row: 8}}\n"))
        .hasMessage(dir.resolve("models.yaml") + ": unknown field 'max_row' in models.m.batching; expected "
            + "[max_delay_ms, max_rows, queue]");
    assertThatThrownBy(() -> read("models:\n  m: {batching: sometimes}\n"))
        .hasMessage(dir.resolve("models.yaml") + ": models.m.batching must be 'off' or a map with max_delay_ms, "
            + "max_rows and queue, got \"sometimes\"");
  }
}
