package io.prodline.serving.protocol;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.PredictRequestDecoder.Options;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path for rows of numbers: the values it reads against the JDK's own decimal conversion and against
 * the Jackson path, the bodies it leaves to the Jackson path, and the errors that path still words.
 */
class NumericInstancesTest {
  private static final List<Field> THREE = List.of(field("a", ColumnType.FLOAT64), field("b", ColumnType.FLOAT64),
      field("c", ColumnType.FLOAT64));
  private static final int MAX_ROWS = 5;

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static Frame fast(String json) {
    return NumericInstances.read(bytes(json), THREE, MAX_ROWS);
  }

  /** The whole decoder, fast path first. */
  private static Frame decode(String json) {
    return PredictRequestDecoder.decode(bytes(json), THREE, new Options(MAX_ROWS, NonFiniteInputs.REFUSED));
  }

  /** The value the JDK gives for a JSON number: integers as Jackson reads them (long, widened), the rest parsed. */
  private static double reference(String number) {
    boolean integer = !number.contains(".") && !number.contains("e") && !number.contains("E");
    return integer ? (double) Long.parseLong(number) : Double.parseDouble(number);
  }

  private static List<String> numbers(Random random, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(switch (i % 9) {
        case 0 -> Double.toString(Math.round(random.nextGaussian() * 10_000) / 10_000.0); // as the benchmarks send
        case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)); // 17 digits
        case 2 -> Long.toString(random.nextLong() % 1_000_000_000_000_000_000L); // up to 18 digits
        case 3 -> Integer.toString(random.nextInt(2001) - 1000);
        case 4 -> (random.nextBoolean() ? "-" : "") + random.nextInt(100_000) + "e" + (random.nextInt(61) - 30);
        case 5 -> random.nextInt(1000) + "." + random.nextInt(1000) + "E+" + random.nextInt(25);
        case 6 -> Float.toString(random.nextFloat() - 0.5f);
        case 7 -> Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
        default -> plainDecimal(random); // every split of up to 9 digits around the point, for the word reader
      });
    }
    return out;
  }

  /** [-]digits[.digits], 1 to 9 integer digits (no leading zero but a lone 0) and 0 to 9 fraction digits. */
  private static String plainDecimal(Random random) {
    StringBuilder number = new StringBuilder(random.nextBoolean() ? "-" : "");
    int integerDigits = 1 + random.nextInt(9);
    number.append(integerDigits == 1 ? random.nextInt(10) : 1 + random.nextInt(9));
    for (int d = 1; d < integerDigits; d++) {
      number.append(random.nextInt(10));
    }
    int fractionDigits = random.nextInt(10);
    if (fractionDigits > 0) {
      number.append('.');
      for (int d = 0; d < fractionDigits; d++) {
        number.append(random.nextInt(10));
      }
    }
    return number.toString();
  }

  private static String body(List<String> numbers) {
    StringBuilder json = new StringBuilder("{\"instances\": [");
    for (int i = 0; i < numbers.size(); i++) {
      json.append(i % 3 == 0 ? (i == 0 ? "[" : "], [") : ", ").append(numbers.get(i));
    }
    return json.append("]]}").toString();
  }

  private static void assertSameValues(Frame frame, List<String> numbers) {
    assertThat(frame.names()).containsExactly("a", "b", "c");
    assertThat(frame.rowCount()).isEqualTo(numbers.size() / 3);
    for (int i = 0; i < numbers.size(); i++) {
      Column column = frame.column(i % 3);
      assertThat(column).isInstanceOf(Float64Column.class);
      assertThat(column.isNull(i / 3)).isFalse();
      assertThat(Double.doubleToRawLongBits(column.getDouble(i / 3))).as(numbers.get(i))
          .isEqualTo(Double.doubleToRawLongBits(reference(numbers.get(i))));
    }
  }

  @Test
  void readsNumbersOfEveryFormAsTheJdkConvertsThem() {
    Random random = new Random(7);
    for (int body = 0; body < 300; body++) {
      List<String> numbers = numbers(random, 15);
      Frame frame = NumericInstances.read(bytes(body(numbers)), THREE, MAX_ROWS);
      assertThat(frame).as(body(numbers)).isNotNull();
      assertSameValues(frame, numbers);
    }
  }

  @Test
  void readsTheEdgesOfExactConversionAndSignedZeros() {
    // -0 is an integer to Jackson, hence 0.0; -0.0 and -0E-3 keep their sign. The next ones sit on either side of
    // the 53-bit and 10^22 limits of exact conversion, then come numbers too long or too small for it.
    List<String> numbers = List.of("-0", "0", "-0.0", "0e5", "-0E-3", "0.0",
        "9007199254740992e22", "9007199254740993e-22", "9007199254740993.0", "123e-25", "1e23", "0.1e23",
        "4.9e-324", "1e-400", "-2.2250738585072014E-308", "1.7976931348623157e308",
        "0.1000000000000000055511151231257827", "999999999999999999", "-999999999999999999", "1e-99999999999",
        "100000000000000000000000e-23");
    Frame frame = NumericInstances.read(bytes(body(numbers)), THREE, numbers.size());
    assertSameValues(frame, numbers);
  }

  @Test
  void givesTheFrameTheJacksonPathGives() {
    Random random = new Random(11);
    for (int body = 0; body < 100; body++) {
      String json = body(numbers(random, 15));
      Frame fast = fast(json);
      // signature_name is not read by the fast path, so this body goes through Jackson.
      Frame jackson = decode(json.substring(0, json.length() - 1) + ", \"signature_name\": \"serving_default\"}");
      assertThat(fast.names()).isEqualTo(jackson.names());
      assertThat(fast.rowCount()).isEqualTo(jackson.rowCount());
      for (int c = 0; c < 3; c++) {
        for (int row = 0; row < fast.rowCount(); row++) {
          assertThat(Double.doubleToRawLongBits(fast.column(c).getDouble(row)))
              .isEqualTo(Double.doubleToRawLongBits(jackson.column(c).getDouble(row)));
        }
      }
    }
  }

  @Test
  void readsAnyJsonWhitespaceAndUpToTheRowLimit() {
    Frame frame = fast(" \r\n{\t\"instances\"\n:\r[ [ 1 ,2,\t3 ]\n,[4,5,6],[7,8,9],[1,2,3],[4,5,6]\n]\t} \n");
    assertThat(frame.rowCount()).isEqualTo(MAX_ROWS);
    assertThat(frame.column("c").getDouble(1)).isEqualTo(6.0);
  }

  @Test
  void readsManyRowsAndWideRows() {
    // Values rising from row to row, and falling, so rows after the first are longer (room is made for the
    // rest of the body by the first row's length) and shorter than it.
    for (int[] shape : new int[][] {{100, 3, 1}, {3, 1000, 1}, {40, 50, 1}, {1000, 3, -1}, {40, 50, -1}}) {
      int rows = shape[0];
      int width = shape[1];
      int direction = shape[2];
      List<Field> inputs = new ArrayList<>();
      for (int f = 0; f < width; f++) {
        inputs.add(field("f" + f, ColumnType.FLOAT64));
      }
      StringBuilder json = new StringBuilder("{\"instances\":[");
      for (int r = 0; r < rows; r++) {
        json.append(r == 0 ? "[" : ",[");
        for (int f = 0; f < width; f++) {
          json.append(f == 0 ? "" : ",").append(value(r, f, rows, width, direction));
        }
        json.append(']');
      }
      Frame frame = NumericInstances.read(bytes(json.append("]}").toString()), inputs, rows);
      assertThat(frame.rowCount()).isEqualTo(rows);
      assertThat(frame.columnCount()).isEqualTo(width);
      for (int r = 0; r < rows; r++) {
        for (int f = 0; f < width; f++) {
          assertThat(frame.column(f).getDouble(r)).isEqualTo(value(r, f, rows, width, direction));
        }
      }
    }
  }

  private static int value(int row, int column, int rows, int width, int direction) {
    return (direction > 0 ? row : rows - 1 - row) * width + column;
  }

  @Test
  void leavesEveryOtherBodyToTheJacksonPath() {
    List<String> others = List.of(
        "{\"instances\": [[1, 2, null]]}", "{\"instances\": [[1, 2, NaN]]}", "{\"instances\": [[1, 2, Infinity]]}",
        "{\"instances\": [[1, 2, -Infinity]]}", "{\"instances\": [[1, 2, \"3\"]]}", "{\"instances\": [[1, 2, true]]}",
        "{\"instances\": [[1, 2, [3]]]}", "{\"instances\": [{\"a\": 1, \"b\": 2, \"c\": 3}]}",
        "{\"instances\": [[1, 2]]}", "{\"instances\": [[1, 2, 3, 4]]}", "{\"instances\": []}",
        "{\"instances\": [[1, 2, 3]], \"signature_name\": \"serving_default\"}",
        "{\"signature_name\": \"serving_default\", \"instances\": [[1, 2, 3]]}",
        "{\"inputs\": {\"a\": [1], \"b\": [2], \"c\": [3]}}", "{\"instances\": [[1, 2, 01]]}",
        "{\"instances\": [[1, 2, 1.]]}", "{\"instances\": [[1, 2, .5]]}", "{\"instances\": [[1, 2, +1]]}",
        "{\"instances\": [[1, 2, 1e]]}", "{\"instances\": [[1, 2, 1e+]]}", "{\"instances\": [[1, 2, -]]}",
        "{\"instances\": [[1, 2, 3x]]}", "{\"instances\": [[1, 2, 3]]} x", "{\"instances\": [[1, 2, 3],]}",
        "{\"instances\": [[1, 2, 3,]]}", "{\"instances\": [[1 2, 3]]}", "{\"instances\": [[1, 2, 3]]",
        "{\"instances\": [[1, 2, 3]", "{\"instances\": [[1, 2, 3]]}}", "\uFEFF{\"instances\": [[1, 2, 3]]}",
        "{\"instanc\\u0065s\": [[1, 2, 3]]}", "{\"instances\": [[1, 2, 3]], \"instances\": [[1, 2, 3]]}",
        "{\"instances\": [[1, 2, 1e400]]}", "{\"instances\": [[1, 2, -1e400]]}",
        "{\"instances\": [[1, 2, 1e99999999999]]}",
        "{\"instances\": [[1, 2, 1234567890123456789]]}", "{\"instances\": [[1, 2, 3]]}\u0000",
        "{\"instances\": [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]}", "", "[[1, 2, 3]]");
    for (String json : others) {
      assertThat(fast(json)).as(json).isNull();
    }
    // The same numbers first in a longer body, where they are read a word at a time.
    for (String number : List.of("01", "00.5", "01.5", "1.", ".5", "+1", "1e", "1.5e", "1.5E+", "-", "--1", "-x",
        "1.5.5", "1..5", "12345678901234567890", "0x1", "1,5")) {
      String json = "{\"instances\": [[" + number + ", 2, 3], [4, 5, 6], [7, 8, 9]]}";
      assertThat(fast(json)).as(json).isNull();
    }
  }

  @Test
  void leavesModelsWithOtherInputTypesToTheJacksonPath() {
    byte[] json = bytes("{\"instances\": [[1, 2]]}");
    assertThat(NumericInstances.read(json, List.of(field("a", ColumnType.FLOAT64), field("n", ColumnType.INT64)),
        MAX_ROWS)).isNull();
    assertThat(NumericInstances.read(json, List.of(), MAX_ROWS)).isNull();
  }

  @Test
  void leavesTheBareRowsOfAOneInputModelToTheJacksonPath() {
    List<Field> one = List.of(field("x", ColumnType.FLOAT64));
    for (String json : List.of("{\"instances\": [3.5, 4]}", "{\"instances\": [[3.5], 4]}",
        "{\"instances\": [3.5, [4]]}", "{\"inputs\": [3.5, 4]}")) {
      assertThat(NumericInstances.read(bytes(json), one, MAX_ROWS)).as(json).isNull();
      Frame frame = PredictRequestDecoder.decode(bytes(json), one);
      assertThat(frame.column("x").getDouble(0)).as(json).isEqualTo(3.5);
      assertThat(frame.column("x").getDouble(1)).as(json).isEqualTo(4.0);
    }
  }

  @Test
  void bodiesLeftToJacksonDecodeAsBefore() {
    assertError("{\"instances\": [[1, 2, 1e400]]}", "instance 0: feature 'c' is 1e400 (beyond the float64 range, "
        + "so Infinity), which this server does not accept; send null for a missing value");
    assertThat(PredictRequestDecoder.decode(bytes("{\"instances\": [[1, 2, 1e400]]}"), THREE,
        new Options(MAX_ROWS, NonFiniteInputs.ALLOWED)).column("c").getDouble(0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(decode("{\"instances\": [[1, 2, 12345678901234567890123]]}").column("c").getDouble(0))
        .isEqualTo(1.2345678901234568E22);
    Frame withNull = decode("{\"instances\": [[1, 2, null]]}");
    assertThat(withNull.column("c").isNull(0)).isTrue();
  }

  @Test
  void malformedBodiesForAllFloatModelsGetTheUsualMessages() {
    assertError("{\"instances\": [[1, 2, 3], [4, 5]]}",
        "instance 1 has 2 values but the model takes 3, in the order [a, b, c]");
    assertError("{\"instances\": []}", "\"instances\" is empty; send at least one row");
    assertError("{\"instances\": [[1, 2, 01]]}", "malformed JSON at line 1, column 24: unexpected '1'");
    assertError("{\"instances\": [[1, 2, 1.]]}", "malformed JSON at line 1, column 25: unexpected ']'");
    assertError("{\"instances\": [[1, 2, 3],]}", "malformed JSON at line 1, column 26: unexpected ']'");
    assertError("{\"instances\": [[1, 2, 3x]]}", "malformed JSON at line 1, column 24: unexpected 'x'");
    assertError("{\"instances\": [[1, 2, 3]], \"instances\": [[1, 2, 3]]}",
        "malformed JSON at line 1, column 39: key 'instances' appears twice in the same object");
    assertError("{\"instances\": [[1, 2, \"3\"]]}",
        "instance 0: feature 'c' must be a number (float64) but got the string \"3\"");
    assertError("{\"instances\": [[1, 2, NaN]]}",
        "instance 0: feature 'c' is NaN, which this server does not accept; send null for a missing value");
    assertError("{\"instances\": [[1, 2, 3]], \"signature_name\": \"other\"}",
        "unknown signature_name \"other\"; this model has \"serving_default\"");
    assertError("{\"instances\": [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]}",
        "the request has more than 5 instances, the most this server accepts in one request; split it into "
            + "smaller requests");
  }

  private static void assertError(String json, String message) {
    assertThatThrownBy(() -> decode(json)).isInstanceOf(BadRequestException.class).hasMessage(message);
  }
}
