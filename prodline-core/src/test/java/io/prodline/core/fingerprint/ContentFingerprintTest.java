package io.prodline.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFingerprintTest {
  @Test
  void matchesTheKnownSha256OfAbc(@TempDir Path dir) throws Exception {
    // FIPS 180-2 test vector: SHA-256("abc").
    String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertThat(ContentFingerprint.sha256("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    Path a = Files.writeString(dir.resolve("a.csv"), "abc");
    Path b = Files.writeString(dir.resolve("elsewhere.txt"), "abc");
    assertThat(ContentFingerprint.sha256(a)).isEqualTo(expected).isEqualTo(ContentFingerprint.sha256(b));
  }
}
