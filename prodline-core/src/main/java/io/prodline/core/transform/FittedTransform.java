package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The fitted feature transform stored in a bundle as {@code transform.json}: raw {@link Frame} in, dense
 * row-major float matrix out (one value per encoder, in encoder order).
 *
 * <p>Training encodes its data through this class and the server encodes requests through it, so the same raw
 * row yields the same model input bit for bit wherever it comes from.
 */
public record FittedTransform(@JsonProperty("format") String format,
                              @JsonProperty("features") List<FeatureEncoder> features) {
  public static final String FORMAT = "prodline.transform/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @JsonCreator
  public FittedTransform {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("unknown transform format '" + format + "', expected " + FORMAT);
    }
    features = List.copyOf(features);
  }

  public static FittedTransform of(List<FeatureEncoder> features) {
    return new FittedTransform(FORMAT, features);
  }

  /** Number of model inputs per row. */
  public int width() {
    return features.size();
  }

  /** The raw columns this transform reads. */
  public List<String> inputs() {
    return features.stream().map(FeatureEncoder::input).toList();
  }

  /**
   * Encodes every row of {@code raw} into a new row-major matrix of {@code raw.rowCount() * width()} floats.
   * Columns the transform does not read are ignored; a column it needs but that is absent is an error.
   */
  public float[] apply(Frame raw) {
    int width = width();
    float[] out = new float[raw.rowCount() * width];
    for (int f = 0; f < width; f++) {
      FeatureEncoder encoder = features.get(f);
      int col = raw.indexOf(encoder.input());
      if (col < 0) {
        throw new ProdlineException("missing feature '" + encoder.input() + "'; the model needs " + inputs());
      }
      encoder.encode(raw.column(col), out, width, f);
    }
    return out;
  }

  public void write(Path file) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  public static FittedTransform read(Path file) {
    try {
      return JSON.readValue(file.toFile(), FittedTransform.class);
    } catch (IOException e) {
      throw new ProdlineException(file + ": not a valid prodline transform: " + e.getMessage(), e);
    }
  }
}
