package io.prodline.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.StringColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each encoder's outputs on small inputs, computed by hand. */
class EncoderTest {
  private static float[] encode(FeatureEncoder encoder, Column... columns) {
    float[] out = new float[columns[0].size() * encoder.width()];
    encoder.encode(List.of(columns), out, encoder.width(), 0);
    return out;
  }

  private static int bucket(String value, int buckets) {
    return FarmHash.bucket(FarmHash.fingerprint64(value), buckets);
  }

  @Test
  void vocabularyWithOovBucketsAndFillAsIndex() {
    VocabularyEncoder v = new VocabularyEncoder("city_id", "city", "oslo", List.of("paris", "oslo"), 3,
        CategoryEncoding.INDEX);
    float[] out = encode(v, StringColumn.of("oslo", "rome", null, "paris"));
    assertThat(out).containsExactly(1f, 2 + bucket("rome", 3), 1f, 0f);
    assertThat(v.width()).isEqualTo(1);
    assertThat(v.outputNames()).containsExactly("city_id");
  }

  @Test
  void vocabularyOneHotWritesZerosForNone() {
    VocabularyEncoder v = new VocabularyEncoder("c", "city", null, List.of("paris", "oslo"), 1,
        CategoryEncoding.ONE_HOT);
    float[] out = encode(v, StringColumn.of("oslo", null, "rome"));
    assertThat(v.outputNames()).containsExactly("c=paris", "c=oslo", "c#oov0");
    assertThat(out).containsExactly(0, 1, 0, /* missing */ 0, 0, 0, /* rome: the only OOV bucket */ 0, 0, 1);
  }

  @Test
  void vocabularyWithoutOovGivesNaNIndex() {
    float[] out = encode(new VocabularyEncoder("city", List.of("paris")), StringColumn.of("rome", null, "paris"));
    assertThat(out[0]).isNaN();
    assertThat(out[1]).isNaN();
    assertThat(out[2]).isEqualTo(0f);
  }

  @Test
  void hashUsesFingerprintModBuckets() {
    HashEncoder h = new HashEncoder("h", "s", "?", 10, CategoryEncoding.INDEX);
    float[] out = encode(h, StringColumn.of("Hello", null));
    assertThat(out).containsExactly(bucket("Hello", 10), bucket("?", 10));
    HashEncoder oneHot = new HashEncoder("h", "s", null, 3, CategoryEncoding.ONE_HOT);
    assertThat(oneHot.outputNames()).containsExactly("h#0", "h#1", "h#2");
    // tf.strings.to_hash_bucket_fast("TensorFlow", 3) == 2
    assertThat(encode(oneHot, StringColumn.of("TensorFlow", null))).containsExactly(0, 0, 1, 0, 0, 0);
  }

  @Test
  void crossChainsFingerprintsFromTheHashKey() {
    CrossEncoder c = new CrossEncoder("x", List.of("a", "b"), 100, CategoryEncoding.INDEX);
    float[] out = encode(c, StringColumn.of("rain", "sun", null), StringColumn.of("5", "5", "6"));
    long h = FarmHash.fingerprintCat64(FarmHash.fingerprintCat64(0xDECAFCAFFEL, FarmHash.fingerprint64("rain")),
        FarmHash.fingerprint64("5"));
    assertThat(out[0]).isEqualTo((float) Long.remainderUnsigned(h, 100));
    assertThat(out[1]).isNotEqualTo(out[0]);
    assertThat(out[2]).isNaN();
    assertThat(out[0]).isEqualTo(GOLDEN_RAIN_5);
  }

  @Test
  void datePartsOfEveryAcceptedForm() {
    StringColumn dates = StringColumn.of("2012-01-01", "2012/02/29", "2024-03-01T01:30:00+02:00",
        "2024-12-31 23:59:59", "2024-07-04T10:15Z", null);
    assertThat(encode(new DatePartEncoder("d", "date", DatePart.DAY_OF_WEEK, null), dates))
        .containsExactly(7, 3, 4, 2, 4, Float.NaN);
    assertThat(encode(new DatePartEncoder("d", "date", DatePart.MONTH, null), dates))
        .containsExactly(1, 2, 2, 12, 7, Float.NaN);
    assertThat(encode(new DatePartEncoder("d", "date", DatePart.HOUR, null), dates))
        .containsExactly(0, 0, 23, 23, 10, Float.NaN);
    assertThat(encode(new DatePartEncoder("d", "date", DatePart.DAY_OF_YEAR, null), dates))
        .containsExactly(1, 60, 60, 366, 186, Float.NaN);
  }

  @Test
  void datePartThenSteps() {
    DatePartEncoder e = new DatePartEncoder("m", "date", DatePart.MONTH, List.of(new ScaleStep(1, 12)));
    assertThat(encode(e, StringColumn.of("2012-12-01"))).containsExactly(1f);
  }

  @Test
  void notADateNamesTheFeatureAndTheFormats() {
    assertThatThrownBy(() -> encode(new DatePartEncoder("d", "date", DatePart.MONTH, null),
        StringColumn.of("01/02/2012")))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("feature 'date'").hasMessageContaining("\"01/02/2012\"").hasMessageContaining("yyyy/MM/dd");
  }

  @Test
  void numericStepsComputeInDoubleThenCastOnce() {
    NumericEncoder e = new NumericEncoder("z", "x", List.of(new ZScoreStep(0.1, 3)));
    float[] out = encode(e, io.prodline.core.frame.Float64Column.of(0.7));
    assertThat(Float.floatToRawIntBits(out[0])).isEqualTo(Float.floatToRawIntBits((float) ((0.7 - 0.1) / 3)));
  }

  static final float GOLDEN_RAIN_5 = 11;
}
