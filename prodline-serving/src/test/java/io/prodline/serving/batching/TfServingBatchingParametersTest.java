package io.prodline.serving.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TF Serving's batching parameters file as prodline's batching settings. */
class TfServingBatchingParametersTest {
  /** The --batch-* options as given: batching off, 256 rows, 1024 requests. */
  private static final BatchingConfig OPTIONS = BatchingConfig.OFF;

  @TempDir
  Path dir;

  private TfServingBatchingParameters.Read read(String text) throws Exception {
    return TfServingBatchingParameters.read(Files.writeString(dir.resolve("batching.txt"), text), OPTIONS);
  }

  @Test
  void readsAFileAsTfServingDocumentsIt() throws Exception {
    TfServingBatchingParameters.Read read = read("# as in TF Serving's batching guide\n"
        + "max_batch_size { value: 128 }\nbatch_timeout_micros { value: 2500 }\nmax_enqueued_batches { value: 100 }\n"
        + "num_batch_threads { value: 8 }\n");
    assertThat(read.config()).isEqualTo(BatchingConfig.on(128, Duration.ofNanos(2_500_000), 12_800));
    assertThat(read.ignored()).containsExactly("num_batch_threads and thread_pool_name (batches run on the "
        + "prediction workers, --worker-threads)");
  }

  @Test
  void aZeroTimeoutStillBatchesAndLeftOutFieldsKeepTheOptions() throws Exception {
    // TF Serving's 0 is on, with no deadline: a batch takes what queues until a worker is free.
    assertThat(read("batch_timeout_micros { value: 0 }").config())
        .isEqualTo(BatchingConfig.on(256, Duration.ZERO, 1024));
    // An empty file still turns batching on, with the options' sizes.
    assertThat(read("").config()).isEqualTo(BatchingConfig.on(256, Duration.ZERO, 1024));
    assertThat(read("allowed_batch_sizes: 64 allowed_batch_sizes: 128 pad_variable_length_inputs: true").ignored())
        .containsExactly("allowed_batch_sizes and pad_variable_length_inputs (a batch runs at the size it forms)");
  }

  @Test
  void refusesUnknownFieldsAndValuesOutOfRange() {
    assertThatThrownBy(() -> read("max_batch_size { value: 8 }\nenable_large_batch_splitting: true\n"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("cannot read TF Serving batching parameters " + dir.resolve("batching.txt") + ": 2:1: ")
        .hasMessageContaining("enable_large_batch_splitting")
        .hasMessageEndingWith("; prodline reads max_batch_size, batch_timeout_micros and max_enqueued_batches");
    assertThatThrownBy(() -> read("max_batch_size { value: 0 }"))
        .hasMessage(dir.resolve("batching.txt") + ": max_batch_size must be from 1 to 2147483647, got 0");
    assertThatThrownBy(() -> read("batch_timeout_micros { value: -5 }"))
        .hasMessage(dir.resolve("batching.txt") + ": batch_timeout_micros must be from 0 to 60000000, got -5");
  }
}
