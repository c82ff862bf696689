package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.prodline.core.frame.Column;

/**
 * The fitted, serializable part of one feature's transform: turns one raw column into model input values.
 *
 * <p>Encoders only apply; fitting them (e.g. collecting a vocabulary) belongs to the training module, so the
 * server never loads training code and training and serving run this same code.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NumericEncoder.class, name = "numeric"),
    @JsonSubTypes.Type(value = VocabularyEncoder.class, name = "vocabulary")
})
public sealed interface FeatureEncoder permits NumericEncoder, VocabularyEncoder {
  /** The raw input column this encoder reads. */
  String input();

  /**
   * Writes this feature's value for every row of {@code column} into {@code out}, a row-major matrix with
   * {@code stride} values per row, at position {@code offset} of each row. Missing values become NaN, which
   * tree models route along their learned default direction.
   */
  void encode(Column column, float[] out, int stride, int offset);
}
