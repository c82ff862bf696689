package io.prodline.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Against the JDK's strict decoder: the same byte arrays are well-formed, wherever the ASCII runs fall. */
class StrictUtf8Test {
  @Test
  void agreesWithTheJdkDecoder() {
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int j = 0; j < bytes.length; j++) {
        // Mostly ASCII, so runs of eight and more occur; otherwise any byte, so every kind of bad sequence does.
        bytes[j] = (byte) (random.nextInt(4) > 0 ? random.nextInt(128) : random.nextInt(256));
      }
      if (random.nextInt(4) == 0) {
        bytes = new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8); // well-formed
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      assertThat(StrictUtf8.firstInvalid(bytes, from, bytes.length) < 0)
          .as("%s from %d", java.util.Arrays.toString(bytes), from)
          .isEqualTo(jdkAccepts(bytes, from, bytes.length));
    }
  }

  private static boolean jdkAccepts(byte[] bytes, int from, int to) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void findsABadByteAfterAnyLengthOfAscii() {
    for (int at = 0; at < 100; at++) {
      byte[] text = "x".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      text[at] = (byte) 0xC0;
      assertThat(StrictUtf8.firstInvalid(text, 0, text.length)).as("at %d", at).isEqualTo(at);
      assertThat(StrictUtf8.firstInvalid(text, 0, at)).as("before %d", at).isEqualTo(-1);
    }
  }
}
