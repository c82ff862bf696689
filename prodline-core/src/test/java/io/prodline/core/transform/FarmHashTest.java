package io.prodline.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FarmHashTest {
  @Test
  void equalsGuavasFingerprint64ForEveryLengthUpTo300() {
    SplittableRandom random = new SplittableRandom(7);
    for (int length = 0; length <= 300; length++) {
      for (int trial = 0; trial < 5; trial++) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
        long expected = Hashing.farmHashFingerprint64().hashBytes(bytes).asLong();
        assertThat(FarmHash.fingerprint64(bytes, 0, length)).as("length %d", length).isEqualTo(expected);
      }
    }
  }

  @Test
  void hashesUtf8Bytes() {
    String value = "Zürich 東京";
    assertThat(FarmHash.fingerprint64(value))
        .isEqualTo(Hashing.farmHashFingerprint64().hashString(value, StandardCharsets.UTF_8).asLong());
  }

  @Test
  void bucketsMatchTheTensorFlowDocumentationOfToHashBucketFast() {
    // https://www.tensorflow.org/api_docs/python/tf/strings/to_hash_bucket_fast:
    // tf.strings.to_hash_bucket_fast(["Hello", "TensorFlow", "2.x"], 3).numpy() == array([0, 2, 2])
    assertThat(FarmHash.bucket(FarmHash.fingerprint64("Hello"), 3)).isEqualTo(0);
    assertThat(FarmHash.bucket(FarmHash.fingerprint64("TensorFlow"), 3)).isEqualTo(2);
    assertThat(FarmHash.bucket(FarmHash.fingerprint64("2.x"), 3)).isEqualTo(2);
  }

  @Test
  void goldenValuesNeverChange() {
    assertThat(FarmHash.fingerprint64("")).isEqualTo(0x9ae16a3b2f90404fL);
    assertThat(Long.toHexString(FarmHash.fingerprint64("rain"))).isEqualTo(GOLDEN_RAIN);
    assertThat(Long.toHexString(FarmHash.fingerprintCat64(CrossEncoder.HASH_KEY, FarmHash.fingerprint64("rain"))))
        .isEqualTo(GOLDEN_CAT);
  }

  @Test
  void bucketReadsTheFingerprintAsUnsigned() {
    assertThat(FarmHash.bucket(-1L, 10)).isEqualTo(5); // 2^64 - 1 = 18446744073709551615
  }

  static final String GOLDEN_RAIN = "fd68facc2c66ea7b";
  static final String GOLDEN_CAT = "e54e9d6f43155835";
}
