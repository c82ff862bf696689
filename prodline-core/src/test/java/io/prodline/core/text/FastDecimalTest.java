package io.prodline.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever FastDecimal accepts, it parses to exactly the double that Double.parseDouble gives. */
class FastDecimalTest {
  /** Parses {@code cell} placed at {@code offset} in a buffer with text on both sides, as cells sit in a chunk. */
  private static double parse(String cell, int offset) {
    byte[] text = cell.getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[offset + text.length + 3];
    Arrays.fill(buffer, (byte) '7');
    System.arraycopy(text, 0, buffer, offset, text.length);
    return FastDecimal.parseDouble(buffer, offset, offset + text.length);
  }

  private static void assertExactOrDeclined(String cell) {
    for (int offset : new int[] {0, 5}) {
      double fast = parse(cell, offset);
      if (!Double.isNaN(fast)) {
        assertThat(Double.doubleToRawLongBits(fast)).as(cell).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cell)));
      }
    }
  }

  @Test
  void plainDecimalsAreParsedExactly() {
    for (String cell : new String[] {"0", "7", "-0", "-0.0", "+1", "1.", ".5", "-.5", "9.8972", "13.3923", "0.1", "0.3",
        "12345678", "1234567.8", "-1234567.8", "99999999", "0.00000001", "123456789", "1e5", "1.5E-3", "-2.5e+10",
        "000000001.5", "123456789012345678", "0.000000000000000000001"}) {
      assertExactOrDeclined(cell);
    }
    assertThat(parse("9.8972", 3)).isEqualTo(9.8972);
    assertThat(parse("-0.0", 0)).isEqualTo(-0.0);
    assertThat(parse("12345678", 0)).isEqualTo(12345678.0);
  }

  @Test
  void randomDecimalsOfEveryShapeAreParsedExactly() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + random.nextInt(12);
      StringBuilder cell = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
      int point = random.nextInt(digits + 2) - 1;
      for (int d = 0; d < digits; d++) {
        if (d == point) {
          cell.append('.');
        }
        cell.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(8) == 0) {
        cell.append('e').append(random.nextInt(40) - 20);
      }
      assertExactOrDeclined(cell.toString());
    }
  }

  @Test
  void textThatIsNotAPlainDecimalIsDeclined() {
    for (String cell : new String[] {"", "-", ".", "1.2.3", "1e", "1e+", "12a", "a", "1,5", "0x10", "1 ", " 1",
        "NaN", "Infinity", "1d", "--1", "1-", "12345.6.", "1/2"}) {
      assertThat(parse(cell, 2)).as(cell).isNaN();
    }
  }

  @Test
  void everyShortDecimalLengthNearTheEndOfTheBufferIsParsed() {
    for (int length = 1; length <= 9; length++) {
      String cell = "123456789".substring(0, length);
      byte[] exact = cell.getBytes(StandardCharsets.US_ASCII);
      assertThat(FastDecimal.parseDouble(exact, 0, exact.length)).isEqualTo(Double.parseDouble(cell));
      String fraction = String.format(Locale.ROOT, "0.%s", cell);
      assertExactOrDeclined(fraction);
    }
  }

  @Test
  void exactScalingIsTheCorrectlyRoundedValueInsideItsRangeAndDeclinedOutside() {
    assertThat(FastDecimal.exact(15, -1)).isEqualTo(1.5);
    assertThat(FastDecimal.exact(123, -22)).isEqualTo(Double.parseDouble("123e-22"));
    assertThat(FastDecimal.exact(9_007_199_254_740_992L, 22)).isEqualTo(Double.parseDouble("9007199254740992e22"));
    assertThat(FastDecimal.exact(9_007_199_254_740_993L, 0)).isNaN(); // above 2^53: not an exact double
    assertThat(FastDecimal.exact(1, 23)).isNaN();
    assertThat(FastDecimal.exact(1, -23)).isNaN();
    assertThat(FastDecimal.exact(-1, 0)).isNaN();
  }
}
