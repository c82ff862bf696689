package io.prodline.train.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalParamsTest {
  @Test
  void numbersAndBooleansAreTypedEverythingElseIsText() {
    Map<String, Object> p = ExternalParams.parse(List.of("epochs=300", "lr=0.01", "decay=1e-4", "shuffle=true",
        "optimizer=adam", "tag=007", "path=runs/a=b", "empty="), "--trainer-param");
    assertThat(p).containsExactly(Map.entry("epochs", 300L), Map.entry("lr", 0.01), Map.entry("decay", 1e-4),
        Map.entry("shuffle", true), Map.entry("optimizer", "adam"), Map.entry("tag", "007"),
        Map.entry("path", "runs/a=b"), Map.entry("empty", ""));
  }

  @Test
  void aPairWithoutKeyOrRepeatedIsRefusedNamingTheSource() {
    assertThatThrownBy(() -> ExternalParams.parse(List.of("epochs300"), "--trainer-param"))
        .isInstanceOf(ProdlineException.class)
        .hasMessage("--trainer-param 'epochs300' is not key=value; write it like epochs=300");
    assertThatThrownBy(() -> ExternalParams.parse(List.of("=3"), "command_params"))
        .hasMessageStartingWith("command_params '=3' is not key=value");
    assertThatThrownBy(() -> ExternalParams.parse(List.of("lr=0.1", "lr=0.2"), "--trainer-param"))
        .hasMessage("--trainer-param sets 'lr' twice; keep one");
  }
}
