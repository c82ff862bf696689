package io.prodline.serving.batching;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.config.ConfigText;
import io.prodline.serving.grpc.tfserving.proto.BatchingParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * TensorFlow Serving's batching parameters file ({@code --batching_parameters_file}): a {@code BatchingParameters}
 * in protobuf text format, read as prodline's batching settings so that the file of a TF Serving deployment batches
 * the same way:
 * <pre>{@code
 * max_batch_size { value: 128 }
 * batch_timeout_micros { value: 2000 }
 * max_enqueued_batches { value: 100 }
 * num_batch_threads { value: 8 }
 * }</pre>
 * <ul>
 *   <li>{@code max_batch_size}: the most rows in one model call ({@code --batch-max-rows});</li>
 *   <li>{@code batch_timeout_micros}: how long a batch's oldest request waits for others
 *       ({@code --batch-max-delay-ms}). 0, TF Serving's default, takes what queues until a worker is
 *       free;</li>
 *   <li>{@code max_enqueued_batches}: TF Serving bounds its queue in batches of up to {@code max_batch_size} rows,
 *       prodline in requests of at least one row ({@code --batch-queue}), so the queue takes up to
 *       {@code max_enqueued_batches × max_batch_size} requests.</li>
 * </ul>
 * A field left out keeps the value of the {@code --batch-*} option. {@code num_batch_threads},
 * {@code thread_pool_name}, {@code allowed_batch_sizes} and {@code pad_variable_length_inputs} are read past and
 * reported: prodline's batches run on its prediction workers ({@code --worker-threads}) at whatever size they form.
 * Any other field is an error naming its line.
 */
public final class TfServingBatchingParameters {

  /**
   * The batching the file asks for.
   *
   * @param ignored the fields the file sets that prodline reads past, each with what stands for it, for the log
   */
  public record Read(BatchingConfig config, List<String> ignored) {}

  private TfServingBatchingParameters() {}

  /**
   * The batching {@code file} asks for, its fields left out taken from {@code options}; {@link ProdlineException}
   * naming the file and the field when it cannot be read or a value is out of range.
   */
  public static Read read(Path file, BatchingConfig options) {
    BatchingParameters.Builder parameters = ConfigText.TF_SERVING.read(file, "batching parameters",
        BatchingParameters.newBuilder(), "; prodline reads max_batch_size, batch_timeout_micros and "
            + "max_enqueued_batches");
    // The file turns batching on, as TF Serving's --enable_batching does: a model's own batching over the options.
    OptionalInt maxRows = parameters.hasMaxBatchSize() ? OptionalInt.of((int) bounded(
        parameters.getMaxBatchSize().getValue(), 1, Integer.MAX_VALUE, file, "max_batch_size")) : OptionalInt.empty();
    Optional<Duration> maxDelay = parameters.hasBatchTimeoutMicros() ? Optional.of(Duration.ofNanos(1_000 * bounded(
        parameters.getBatchTimeoutMicros().getValue(), 0, 60_000_000, file, "batch_timeout_micros")))
        : Optional.empty();
    OptionalInt queue = OptionalInt.empty();
    if (parameters.hasMaxEnqueuedBatches()) {
      long batches = bounded(parameters.getMaxEnqueuedBatches().getValue(), 1, Integer.MAX_VALUE, file,
          "max_enqueued_batches");
      queue = OptionalInt.of((int) Math.min(Integer.MAX_VALUE, batches * maxRows.orElse(options.maxRows())));
    }
    List<String> ignored = new ArrayList<>();
    if (parameters.hasNumBatchThreads() || parameters.hasThreadPoolName()) {
      ignored.add("num_batch_threads and thread_pool_name (batches run on the prediction workers, "
          + "--worker-threads)");
    }
    if (parameters.getAllowedBatchSizesCount() > 0 || parameters.getPadVariableLengthInputs()) {
      ignored.add("allowed_batch_sizes and pad_variable_length_inputs (a batch runs at the size it forms)");
    }
    return new Read(new ModelBatching(true, maxDelay, maxRows, queue).over(options), ignored);
  }

  private static long bounded(long value, long min, long max, Path file, String field) {
    if (value < min || value > max) {
      throw new ProdlineException(file + ": " + field + " must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }
}
