package io.prodline.train.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a {@link TransformSpec} from YAML. Every error names the source, the line and column, the field path
 * (e.g. {@code features[2].steps[0]}) and what is wrong. The layout:
 *
 * <pre>{@code
 * features:
 *   - input: temp_max            # name defaults to the input column
 *     steps: [{zscore: {}}]
 *   - name: precipitation_log
 *     input: precipitation
 *     steps:
 *       - fill: {strategy: mean}
 *       - log1p: {}
 *   - input: weather
 *     steps: [{vocabulary: {top_k: 10, min_frequency: 2, oov_buckets: 1, encoding: one_hot}}]
 *   - name: weather_x_city
 *     cross: {inputs: [weather, city], buckets: 100}
 * }</pre>
 */
public final class TransformSpecReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);

  private TransformSpecReader() {}

  public static TransformSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ProdlineException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses {@code yaml}; {@code source} names it in errors (a file name). */
  public static TransformSpec parse(String yaml, String source) {
    try {
      TransformSpec spec = YAML.readValue(yaml, TransformSpec.class);
      if (spec == null) {
        throw new ProdlineException(source + ": empty transform spec; it needs a list of features");
      }
      return spec;
    } catch (JsonMappingException e) {
      throw new ProdlineException(source + where(e.getLocation()) + path(e) + ": " + problem(e), e);
    } catch (JsonProcessingException e) {
      throw new ProdlineException(source + where(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static String where(JsonLocation at) {
    return at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** The field path as {@code features[2].steps[0].buckets}. */
  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "" : " (" + sb + ")";
  }

  /**
   * The user-facing reason, in the spec's words: a constructor's check message as it is; for an unknown step, a
   * misspelt key or a step that is not a one-key mapping, what is allowed there; else Jackson's first line.
   */
  private static String problem(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
      return cause.getMessage();
    }
    if (e instanceof InvalidTypeIdException unknownStep) {
      return "unknown step '" + unknownStep.getTypeId() + "'; the steps are " + String.join(", ", stepNames());
    }
    if (e instanceof UnrecognizedPropertyException unknownKey) {
      return "unknown key '" + unknownKey.getPropertyName() + "'; the keys allowed there are "
          + unknownKey.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
    if (e instanceof MismatchedInputException && e.getMessage().contains("WRAPPER_OBJECT")) {
      return "a step is a mapping of one step name to its settings, e.g. {bucketize: {buckets: 4}}; the steps are "
          + String.join(", ", stepNames());
    }
    String message = e.getOriginalMessage();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static List<String> stepNames() {
    return Arrays.stream(StepSpec.class.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name)
        .toList();
  }
}
