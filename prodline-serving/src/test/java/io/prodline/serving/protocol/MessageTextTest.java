package io.prodline.serving.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class MessageTextTest {
  private static List<String> names(int count) {
    return IntStream.range(0, count).mapToObj(i -> "f_" + i).toList();
  }

  @Test
  void quotesAClientsValueUpToFortyCharacters() {
    assertThat(MessageText.shortened("x".repeat(40))).isEqualTo("x".repeat(40));
    assertThat(MessageText.shortened("x".repeat(41))).isEqualTo("x".repeat(40) + "...");
  }

  @Test
  void listsEveryNameUpToFifty() {
    assertThat(MessageText.names(names(3))).isEqualTo("[f_0, f_1, f_2]");
    assertThat(MessageText.names(names(50))).endsWith("f_48, f_49]");
  }

  @Test
  void shortensLongerListsToTheirFirstTwenty() {
    assertThat(MessageText.names(names(51))).isEqualTo("[" + String.join(", ", names(20))
        + ", ... and 31 more; the model's metadata lists them all]");
  }

  /** A refused request to a model of a thousand inputs is answered in a sentence, not in a page of names. */
  @Test
  void aWideModelsRefusalStaysShort() {
    List<Field> inputs = names(1000).stream().map(n -> new Field(n, ColumnType.FLOAT64)).toList();
    Assertions.assertThatThrownBy(() -> PredictRequestDecoder.decode(
            "{\"instances\": [{\"g\": 1}]}".getBytes(StandardCharsets.UTF_8), inputs))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("instance 0 has unknown feature 'g'; the model takes [f_0, f_1,")
        .hasMessageEndingWith("f_19, ... and 980 more; the model's metadata lists them all]");
  }
}
