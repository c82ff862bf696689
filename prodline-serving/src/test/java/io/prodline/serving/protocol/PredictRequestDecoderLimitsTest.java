package io.prodline.serving.protocol;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.PredictRequestDecoder.Options;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-request limits the decoder enforces: rows per request and non-finite numbers. */
class PredictRequestDecoderLimitsTest {
  private static final List<Field> INPUTS = List.of(field("x", ColumnType.FLOAT64), field("n", ColumnType.INT64));

  private static Frame decode(String json, Options options) {
    return PredictRequestDecoder.decode(json.getBytes(StandardCharsets.UTF_8), INPUTS, options);
  }

  @Test
  void acceptsUpToMaxRowsAndRefusesOneMore() {
    Options twoRows = new Options(2, NonFiniteInputs.REFUSED);
    assertThat(decode("{\"instances\": [[1, 1], [2, 2]]}", twoRows).rowCount()).isEqualTo(2);
    assertThatThrownBy(() -> decode("{\"instances\": [[1, 1], [2, 2], [3, 3]]}", twoRows))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("the request has more than 2 instances, the most this server accepts in one request; "
            + "split it into smaller requests");
  }

  @Test
  void refusesNaNAndInfinityUnlessAllowed() {
    assertThatThrownBy(() -> decode("{\"instances\": [[NaN, 1]]}", Options.DEFAULT))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("instance 0: feature 'x' is NaN, which this server does not accept; send null for a missing "
            + "value");
    assertThatThrownBy(() -> decode("{\"instances\": [{\"n\": 1, \"x\": -Infinity}]}", Options.DEFAULT))
        .hasMessageContaining("feature 'x' is -Infinity");

    Frame allowed = decode("{\"instances\": [[NaN, 1], [Infinity, 2]]}", new Options(10, NonFiniteInputs.ALLOWED));
    assertThat(allowed.column("x").getDouble(0)).isNaN();
    assertThat(allowed.column("x").getDouble(1)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void aNumberBeyondTheFloat64RangeIsInfinityAndRefusedAlikeInEveryFormat() {
    assertThatThrownBy(() -> decode("{\"instances\": [[1e400, 1]]}", Options.DEFAULT))
        .hasMessage("instance 0: feature 'x' is 1e400 (beyond the float64 range, so Infinity), which this server "
            + "does not accept; send null for a missing value");
    assertThatThrownBy(() -> decode("{\"inputs\": {\"x\": [1, -2e308], \"n\": [1, 2]}}", Options.DEFAULT))
        .hasMessage("\"inputs\" row 1: feature 'x' is -2e308 (beyond the float64 range, so Infinity), which this "
            + "server does not accept; send null for a missing value");
    assertThatThrownBy(() -> ExampleRequestDecoder.decode(
        "{\"examples\": [{\"x\": 1e400, \"n\": 1}]}".getBytes(StandardCharsets.UTF_8), INPUTS, Options.DEFAULT))
        .hasMessage("example 0: feature 'x' is Infinity, which this server does not accept; send null for a missing "
            + "value");

    assertThat(decode("{\"instances\": [[1e400, 1]]}", new Options(10, NonFiniteInputs.ALLOWED)).column("x")
        .getDouble(0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void nanIsNeverAnInteger() {
    assertThatThrownBy(() -> decode("{\"instances\": [[1, NaN]]}", new Options(10, NonFiniteInputs.ALLOWED)))
        .hasMessageContaining("feature 'n' must be an integer (int64) but got the number NaN");
  }

  @Test
  void malformedJsonWinsOverAnEarlierSemanticError() {
    assertThatThrownBy(() -> decode("{\"instances\": [[\"x\", 1]], oops", Options.DEFAULT))
        .hasMessageStartingWith("malformed JSON at line 1");
  }
}
