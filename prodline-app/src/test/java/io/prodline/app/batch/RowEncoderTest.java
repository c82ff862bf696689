package io.prodline.app.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both output formats write a number as the shortest text that reads back as it, the text the server answers. */
class RowEncoderTest {
  private static String row(String file, float prediction, double kept) {
    RowEncoder encoder = RowEncoder.forFile(file, List.of("kept", "prediction"));
    StringBuilder out = new StringBuilder();
    encoder.beginRow(out);
    encoder.number(out, 0, kept);
    encoder.number(out, 1, prediction);
    encoder.endRow(out);
    return out.toString();
  }

  /** JDK 17's Float.toString and Double.toString write 1.18846831E13 and 1.9999999999999998E23 for these. */
  @Test
  void numbersAreTheShortestTextThatReadsBackExactly() {
    assertThat(row("out.csv", 1.1884683E13f, 2e23)).isEqualTo("2.0E23,1.1884683E13\n");
    assertThat(row("out.jsonl", 1.1884683E13f, 2e23)).isEqualTo("{\"kept\":2.0E23,\"prediction\":1.1884683E13}\n");
    assertThat(row("out.csv", Float.NaN, Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity,NaN\n");
    assertThat(row("out.jsonl", Float.NaN, 0.125)).isEqualTo("{\"kept\":0.125,\"prediction\":null}\n");
  }
}
