package io.prodline.train.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads and writes {@link Evaluation}s and {@link Blessing}s as pretty-printed JSON with the field names of
 * {@code docs/evaluation.md}. A stored evaluation of the production model can be read back as the baseline.
 */
public final class EvaluationJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvaluationJson() {}

  public static String write(Evaluation evaluation) {
    return toJson(evaluation);
  }

  public static String write(Blessing blessing) {
    return toJson(blessing);
  }

  public static Evaluation readEvaluation(String json) {
    try {
      return JSON.readValue(json, Evaluation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an evaluation: " + e.getOriginalMessage(), e);
    }
  }

  public static Evaluation readEvaluation(Path file) {
    try {
      return JSON.readValue(file.toFile(), Evaluation.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read evaluation " + file, e);
    }
  }

  public static Blessing readBlessing(String json) {
    try {
      return JSON.readValue(json, Blessing.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a blessing: " + e.getOriginalMessage(), e);
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
