package io.prodline.core.runtime.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDocumentReaderTest {
  private static Object read(String json) throws Exception {
    return JsonDocumentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void realsAreRoundedToFloatOnceFromTheirDecimalText() throws Exception {
    // 1 + 2^-24 + a little: to float directly 1 + 2^-23; through double it lands exactly halfway between two
    // floats and rounds to even, 1.0, one bit off the value XGBoost wrote.
    String text = "1.00000005960464477550";
    assertThat((float) Double.parseDouble(text)).isEqualTo(1.0f);
    assertThat(read("[" + text + "]")).isEqualTo(List.of(Float.parseFloat(text)))
        .isEqualTo(List.of(Math.nextUp(1.0f)));
  }

  @Test
  void readsEveryKindOfValue() throws Exception {
    assertThat(read("{\"a\": [1, -2.5e-3, \"s\", true, false, null, NaN, Infinity, -Infinity], \"b\": {}}"))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2.5e-3f, "s", true, false, null, Float.NaN,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY), "b", Map.of()));
  }
}
