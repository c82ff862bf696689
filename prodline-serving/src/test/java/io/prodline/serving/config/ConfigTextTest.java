package io.prodline.serving.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.grpc.tfserving.proto.BatchingParameters;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTextTest {
  private static final Path FILE = Path.of("batching.txt");

  @Test
  void blanksOnlyTheSeparatorsBetweenFields() {
    assertThat(ConfigText.withoutFieldSeparators(
        "a: 1, b { c: [1, 2], d: \"x, y\\\", z\"; e: 'p,q' } # f, g\nh: < i: 3, j: 4 >;"))
        .isEqualTo("a: 1  b { c: [1, 2]  d: \"x, y\\\", z\"  e: 'p,q' } # f, g\nh: < i: 3  j: 4 > ");
  }

  @Test
  void tfServingsFilesAreStrictAndTritonsSkipWhatTheyDoNotKnow() {
    String text = "max_batch_size { value: 8 }, batch_timout_micros { value: 5 }\n";
    assertThatThrownBy(() -> ConfigText.TF_SERVING.parse(text, FILE, "batching parameters",
        BatchingParameters.newBuilder(), "; see the guide"))
        .isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("cannot read TF Serving batching parameters batching.txt: 1:")
        .hasMessageContaining("batch_timout_micros")
        .hasMessageEndingWith("; see the guide");
    assertThat(ConfigText.TRITON.parse(text, FILE, "batching parameters", BatchingParameters.newBuilder(), "")
        .getMaxBatchSize().getValue()).isEqualTo(8);
  }
}
