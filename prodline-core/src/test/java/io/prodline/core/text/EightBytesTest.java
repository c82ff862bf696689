package io.prodline.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EightBytesTest {
  @Test
  void indexOfFindsTheFirstMatchWhereverItFalls() {
    Random random = new Random(4);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(30)];
      for (int j = 0; j < bytes.length; j++) {
        bytes[j] = (byte) (random.nextInt(10) == 0 ? '\n' : random.nextInt(256));
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int expected = -1;
      for (int j = from; j < bytes.length && expected < 0; j++) {
        expected = bytes[j] == '\n' ? j : -1;
      }
      assertThat(EightBytes.indexOf(bytes, from, bytes.length, (byte) '\n')).isEqualTo(expected);
    }
  }
}
