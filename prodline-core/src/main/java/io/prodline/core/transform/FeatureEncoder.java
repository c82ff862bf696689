package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.prodline.core.frame.Column;
import java.util.List;

/**
 * The fitted, serializable part of one output feature's transform: turns raw columns into {@link #width()} model
 * input values per row.
 *
 * <p>Encoders only apply; fitting them (collecting a vocabulary, a mean, quantiles) belongs to the training
 * module, so the server never loads training code and training and serving run this same code. Each encoder
 * works a column at a time: it computes per distinct string or per row in tight loops, never per cell through
 * boxed values. The exact formula of each kind is in its javadoc and in {@code docs/transforms.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NumericEncoder.class, name = "numeric"),
    @JsonSubTypes.Type(value = VocabularyEncoder.class, name = "vocabulary"),
    @JsonSubTypes.Type(value = DatePartEncoder.class, name = "date_part"),
    @JsonSubTypes.Type(value = HashEncoder.class, name = "hash"),
    @JsonSubTypes.Type(value = CrossEncoder.class, name = "cross")
})
public sealed interface FeatureEncoder
    permits NumericEncoder, VocabularyEncoder, DatePartEncoder, HashEncoder, CrossEncoder {

  /** The output feature's name; multi-output encoders derive their outputs' names from it. */
  String name();

  /** The raw input columns this encoder reads, in the order {@link #encode} receives them. */
  List<String> inputs();

  /** Number of model inputs this encoder writes per row. */
  int width();

  /** The names of the {@link #width()} outputs, in order. */
  List<String> outputNames();

  /**
   * Writes this encoder's {@link #width()} values for every row into {@code out}, a row-major matrix with
   * {@code stride} values per row, at positions {@code offset .. offset + width() - 1} of each row.
   *
   * @param columns the raw columns named by {@link #inputs()}, in that order, all of the same length
   */
  void encode(List<Column> columns, float[] out, int stride, int offset);
}
