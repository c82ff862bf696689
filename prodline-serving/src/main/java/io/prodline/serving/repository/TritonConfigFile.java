package io.prodline.serving.repository;

import com.google.protobuf.TextFormat;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.batching.ModelBatching;
import io.prodline.serving.grpc.v2.ModelConfig;
import io.prodline.serving.grpc.v2.ModelConfigOrBuilder;
import io.prodline.serving.grpc.v2.ModelDynamicBatching;
import io.prodline.serving.grpc.v2.ModelVersionPolicy;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A model's Triton configuration, {@code <model>/config.pbtxt} (protobuf text format of Triton's
 * {@code ModelConfig}), so that a Triton model repository keeps its version policies and dynamic batching when
 * prodline serves it. {@code version_policy}, {@code dynamic_batching} (its delay and queue size) and, with it,
 * {@code max_batch_size} are taken; every other field is read past: tensors come from the model file itself and
 * limits are the server's settings. Fields this reader does not know (instance groups, optimization, backend
 * parameters) are skipped.
 */
final class TritonConfigFile {
  /** Triton's name for it, in the model's directory beside the version directories. */
  static final String NAME = "config.pbtxt";
  private static final TextFormat.Parser PARSER = TextFormat.Parser.newBuilder().setAllowUnknownFields(true).build();
  /**
   * The parser warns through java.util.logging about every field it skips, at every read; skipping is intended, so
   * its logger is quieted. Held here because java.util.logging keeps loggers weakly, with their level.
   */
  private static final Logger QUIET_PARSER = Logger.getLogger(TextFormat.class.getName());

  static {
    QUIET_PARSER.setLevel(Level.SEVERE);
  }

  /**
   * What a model's file says: its version policy and dynamic batching when it gives them, and the fields read past,
   * for the log.
   */
  record Settings(Optional<VersionPolicy> versionPolicy, Optional<ModelBatching> batching, List<String> ignored) {
    /** The model's settings, or empty when the file gives neither a version policy nor batching. */
    Optional<ModelSettings> modelSettings() {
      if (versionPolicy.isEmpty() && batching.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ModelSettings(versionPolicy.orElse(VersionPolicy.DEFAULT), Map.of(),
          WarmupSettings.DEFAULT, Optional.empty(), batching, Optional.empty()));
    }
  }

  private TritonConfigFile() {}

  /**
   * The settings of {@code file}; {@link ProdlineException} naming the file, line and column when it is not Triton's
   * text format or its version policy is not one prodline can serve.
   */
  static Settings read(Path file) {
    ModelConfig.Builder config = ModelConfig.newBuilder();
    try {
      PARSER.merge(withoutFieldSeparators(Files.readString(file)), config);
    } catch (TextFormat.ParseException e) {
      throw new ProdlineException("cannot read Triton model configuration " + file + ": "
          + e.getMessage().replaceFirst("\\.$", "") + "; fix the file or remove it (prodline then serves the "
          + "model's newest version)", e);
    } catch (IOException e) {
      throw new ProdlineException("cannot read Triton model configuration " + file + ": " + e.getMessage(), e);
    }
    List<String> ignored = new ArrayList<>();
    if (config.getMaxBatchSize() > 0 && !config.hasDynamicBatching()) {
      ignored.add("max_batch_size (the server's --max-rows applies; with dynamic_batching it bounds a batch)");
    }
    if (config.getInputCount() > 0 || config.getOutputCount() > 0) {
      ignored.add("input and output (read from the model file)");
    }
    Optional<VersionPolicy> policy = config.hasVersionPolicy()
        ? Optional.of(policy(config.getVersionPolicy(), file)) : Optional.empty();
    return new Settings(policy, config.hasDynamicBatching() ? Optional.of(batching(config)) : Optional.empty(),
        ignored);
  }

  /**
   * Triton's dynamic batching: on, waiting up to {@code max_queue_delay_microseconds} (0, Triton's default, takes
   * what queues until a worker is free), in batches of up to {@code max_batch_size} rows and queues of up to
   * {@code default_queue_policy.max_queue_size} requests; what the file leaves at 0 takes the server's option.
   */
  private static ModelBatching batching(ModelConfigOrBuilder config) {
    ModelDynamicBatching batching = config.getDynamicBatching();
    // The delay is a uint64 and the queue a uint32: values past the signed range arrive negative, so both are
    // compared unsigned, and capped at what prodline takes.
    long micros = batching.getMaxQueueDelayMicroseconds();
    long maxMicros = ModelBatching.MAX_DELAY.toNanos() / 1_000;
    long delayMicros = Long.compareUnsigned(micros, maxMicros) > 0 ? maxMicros : micros;
    long queue = Math.min(Integer.toUnsignedLong(batching.getDefaultQueuePolicy().getMaxQueueSize()),
        Integer.MAX_VALUE);
    return new ModelBatching(true, Optional.of(Duration.ofNanos(delayMicros * 1_000)),
        config.getMaxBatchSize() > 0 ? OptionalInt.of(config.getMaxBatchSize()) : OptionalInt.empty(),
        queue > 0 ? OptionalInt.of((int) queue) : OptionalInt.empty());
  }

  /**
   * {@code text} with the optional commas and semicolons between fields blanked out (those in lists, strings and
   * comments kept). The text format allows them, and Triton's files use them ({@code { name: "x", format:
   * FORMAT_NCHW, dims: [3] }}), but protobuf-java's parser fails on a separator after a field it skips as unknown;
   * without separators it skips such fields fine. Positions in error messages stay those of the file.
   */
  static String withoutFieldSeparators(String text) {
    StringBuilder out = new StringBuilder(text);
    Deque<Character> open = new ArrayDeque<>();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '[' || c == '{' || c == '<') {
        open.push(c);
      } else if (c == ']' || c == '}' || c == '>') {
        open.poll();
      } else if ((c == ',' || c == ';') && (open.isEmpty() || open.peek() != '[')) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  private static VersionPolicy policy(ModelVersionPolicy policy, Path file) {
    String where = "Triton model configuration " + file;
    return switch (policy.getPolicyChoiceCase()) {
      case LATEST -> VersionPolicyFields.latest(policy.getLatest().getNumVersions(), where, "version_policy");
      case ALL -> new VersionPolicy.All();
      case SPECIFIC -> VersionPolicyFields.specific(policy.getSpecific().getVersionsList(), where, "version_policy",
          "version_policy: { specific: { versions: [1, 3] } }");
      case POLICYCHOICE_NOT_SET -> VersionPolicy.DEFAULT;
    };
  }
}
