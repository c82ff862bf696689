package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fitted feature transform stored in a bundle as {@code transform.json}: raw {@link Frame} in, dense
 * row-major float matrix out ({@link FeatureEncoder#width()} values per encoder, in encoder order).
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

  /** Number of model inputs per row: the sum of the encoders' widths. */
  public int width() {
    int width = 0;
    for (FeatureEncoder encoder : features) {
      width += encoder.width();
    }
    return width;
  }

  /** The names of the {@link #width()} model inputs, in order. */
  public List<String> outputNames() {
    return features.stream().flatMap(e -> e.outputNames().stream()).toList();
  }

  /** The raw columns this transform reads, each once, in order of first use. */
  public List<String> inputs() {
    return features.stream().flatMap(e -> e.inputs().stream()).distinct().toList();
  }

  /**
   * Encodes every row of {@code raw} into a new row-major matrix of {@code raw.rowCount() * width()} floats.
   * Columns the transform does not read are ignored; a column it needs but that is absent is an error.
   */
  public float[] apply(Frame raw) {
    int width = width();
    float[] out = new float[raw.rowCount() * width];
    int offset = 0;
    for (FeatureEncoder encoder : features) {
      List<String> inputs = encoder.inputs();
      // Nearly every encoder reads one column; a served request runs this once per encoder.
      List<Column> columns;
      if (inputs.size() == 1) {
        columns = List.of(column(raw, inputs.get(0)));
      } else {
        columns = new ArrayList<>(inputs.size());
        for (String input : inputs) {
          columns.add(column(raw, input));
        }
      }
      encoder.encode(columns, out, width, offset);
      offset += encoder.width();
    }
    return out;
  }

  private Column column(Frame raw, String input) {
    int col = raw.indexOf(input);
    if (col < 0) {
      throw new ProdlineException("missing feature '" + input + "'; the model needs " + inputs());
    }
    return raw.column(col);
  }

  public void write(Path file) throws IOException {
    Files.write(file, json());
  }

  /**
   * SHA-256 of the {@code transform.json} that {@link #write} writes, so a bundle's manifest can name its fitted
   * feature engineering before the file exists.
   */
  public String sha256() {
    try {
      return ContentFingerprint.sha256(json());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the transform to fingerprint it", e);
    }
  }

  private byte[] json() throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
  }

  public static FittedTransform read(Path file) {
    try {
      return JSON.readValue(file.toFile(), FittedTransform.class);
    } catch (IOException e) {
      throw new ProdlineException(file + ": not a valid prodline transform: " + e.getMessage(), e);
    }
  }
}
