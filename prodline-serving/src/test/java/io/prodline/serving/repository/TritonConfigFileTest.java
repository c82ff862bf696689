package io.prodline.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.batching.ModelBatching;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a Triton {@code config.pbtxt}: its version policy, what is read past, and the errors. */
class TritonConfigFileTest {
  @TempDir
  Path dir;

  private TritonConfigFile.Settings read(String text) throws Exception {
    Path file = dir.resolve("config.pbtxt");
    Files.writeString(file, text);
    return TritonConfigFile.read(file);
  }

  @Test
  void takesEachKindOfVersionPolicy() throws Exception {
    assertThat(read("version_policy: { latest: { num_versions: 3 } }").versionPolicy())
        .contains(new VersionPolicy.Latest(3));
    assertThat(read("version_policy: { latest: {} }").versionPolicy()).contains(new VersionPolicy.Latest(1));
    assertThat(read("version_policy { all { } }").versionPolicy()).contains(new VersionPolicy.All());
    assertThat(read("version_policy: { specific: { versions: [4, 2] } }").versionPolicy())
        .contains(VersionPolicy.Specific.of(List.of(2L, 4L)));
    assertThat(read("name: \"m\"").versionPolicy()).isEmpty();
  }

  /** A config as Triton's documentation writes one, with fields prodline does not know. */
  @Test
  void readsPastWhatItDoesNotTakeAndSaysWhat() throws Exception {
    TritonConfigFile.Settings settings = read("""
        name: "mlp"
        backend: "onnxruntime"
        max_batch_size: 64
        input [
          { name: "features", data_type: TYPE_FP32, format: FORMAT_NONE, dims: [ 30 ] }
        ]
        output [ { name: "score", data_type: TYPE_FP32, dims: [ 1 ] } ]
        instance_group [ { count: 2, kind: KIND_CPU } ]
        dynamic_batching { preferred_batch_size: [ 8, 16 ], max_queue_delay_microseconds: 100 }
        model_warmup [ { name: "w", batch_size: 1, inputs { key: "features" value: { data_type: TYPE_FP32,
          dims: [ 30 ], zero_data: true } } } ]
        parameters { key: "intra_op_thread_count" value: { string_value: "1" } }
        """);
    assertThat(settings.versionPolicy()).isEqualTo(Optional.empty());
    // Dynamic batching is taken, with max_batch_size bounding a batch; preferred sizes are read past.
    assertThat(settings.batching()).contains(new ModelBatching(true, Optional.of(Duration.ofNanos(100_000)),
        OptionalInt.of(64), OptionalInt.empty()));
    assertThat(settings.ignored()).containsExactly("input and output (read from the model file)");
  }

  @Test
  void takesDynamicBatchingWithItsQueueAndLeavesTheRestToTheServer() throws Exception {
    TritonConfigFile.Settings settings = read("dynamic_batching { default_queue_policy { max_queue_size: 40 } }");
    assertThat(settings.batching()).contains(new ModelBatching(true, Optional.of(Duration.ZERO), OptionalInt.empty(),
        OptionalInt.of(40)));
    assertThat(settings.modelSettings().orElseThrow().versionPolicy()).isEqualTo(VersionPolicy.DEFAULT);
    // The uint64 delay and uint32 queue beyond the signed range (read as negative) are capped, not negative.
    assertThat(read("dynamic_batching { max_queue_delay_microseconds: 18446744073709551615 "
        + "default_queue_policy { max_queue_size: 4294967295 } }").batching()).contains(new ModelBatching(true,
        Optional.of(Duration.ofSeconds(60)), OptionalInt.empty(), OptionalInt.of(Integer.MAX_VALUE)));
    // Without dynamic_batching the model takes the server's batching, and max_batch_size is only noted.
    TritonConfigFile.Settings none = read("max_batch_size: 8");
    assertThat(none.batching()).isEmpty();
    assertThat(none.modelSettings()).isEmpty();
    assertThat(none.ignored()).containsExactly("max_batch_size (the server's --max-rows applies; with "
        + "dynamic_batching it bounds a batch)");
  }

  @Test
  void aFileThatIsNotTritonsTextFormatNamesTheFileAndThePlace() throws Exception {
    assertThatThrownBy(() -> read("version_policy: { latest: { num_versions: 2 }\n"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("cannot read Triton model configuration " + dir.resolve("config.pbtxt"))
        .hasMessageContaining("2:1")
        .hasMessageEndingWith("fix the file or remove it (prodline then serves the model's newest version)");
    assertThatThrownBy(() -> read("version_policy: { specific: { } }"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("version_policy.specific without versions");
    // The uint32 and int64 fields of both servers' files are checked as TF Serving's are: a count beyond 2^31 and
    // version 0 are refused when read, not when the lifecycle meets them.
    assertThatThrownBy(() -> read("version_policy: { latest: { num_versions: 3000000000 } }"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageEndingWith("has version_policy.latest.num_versions 3000000000; serve at most 1000 versions");
    assertThatThrownBy(() -> read("version_policy: { specific: { versions: [0, 2] } }"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("has version_policy.specific.versions 0; prodline's version directories are named");
    assertThatThrownBy(() -> read("max_batch_size: \"many\""))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("1:17");
  }
}
