package io.prodline.serving.repository;

import com.google.protobuf.TextFormat;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.grpc.v2.ModelConfig;
import io.prodline.serving.grpc.v2.ModelVersionPolicy;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A model's Triton configuration, {@code <model>/config.pbtxt} (protobuf text format of Triton's
 * {@code ModelConfig}), so that a Triton model repository keeps its version policy when prodline serves it. Only
 * {@code version_policy} is taken; every other field is read past: tensors come from the model file itself, and
 * batching and limits are the server's settings. Fields this reader does not know (instance groups, optimization,
 * backend parameters) are skipped.
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

  /** What a model's file says. */
  record Settings(Optional<VersionPolicy> versionPolicy, List<String> ignored) {}

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
    if (config.getMaxBatchSize() > 0) {
      ignored.add("max_batch_size (the server's --max-rows applies)");
    }
    if (config.hasDynamicBatching()) {
      ignored.add("dynamic_batching (the server's --batch-max-delay-ms applies)");
    }
    if (config.getInputCount() > 0 || config.getOutputCount() > 0) {
      ignored.add("input and output (read from the model file)");
    }
    if (!config.hasVersionPolicy()) {
      return new Settings(Optional.empty(), ignored);
    }
    return new Settings(Optional.of(policy(config.getVersionPolicy(), file)), ignored);
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
    return switch (policy.getPolicyChoiceCase()) {
      case LATEST -> {
        int count = policy.getLatest().getNumVersions();
        // Triton's default when the count is left out, as in "latest: {}".
        yield new VersionPolicy.Latest(count == 0 ? 1 : count);
      }
      case ALL -> new VersionPolicy.All();
      case SPECIFIC -> {
        if (policy.getSpecific().getVersionsCount() == 0) {
          throw new ProdlineException("Triton model configuration " + file + " has version_policy.specific "
              + "without versions; list them, e.g. version_policy: { specific: { versions: [1, 3] } }");
        }
        yield VersionPolicy.Specific.of(policy.getSpecific().getVersionsList());
      }
      case POLICYCHOICE_NOT_SET -> VersionPolicy.DEFAULT;
    };
  }
}
