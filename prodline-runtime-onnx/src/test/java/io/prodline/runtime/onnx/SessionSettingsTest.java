package io.prodline.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.BundleReader;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimes;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionSettingsTest {
  @AfterEach
  void unset() {
    System.clearProperty(SessionSettings.INTRA_OP_THREADS);
  }

  @Test
  void oneIntraOpThreadUnlessConfigured() {
    assertThat(SessionSettings.intraOpThreads()).isEqualTo(1);
    System.setProperty(SessionSettings.INTRA_OP_THREADS, " 4");
    assertThat(SessionSettings.intraOpThreads()).isEqualTo(4);
  }

  @Test
  void aThreadCountBelowOneOrNotANumberIsRefused() {
    for (String bad : new String[] {"0", "-2", "two", ""}) {
      System.setProperty(SessionSettings.INTRA_OP_THREADS, bad);
      assertThatThrownBy(SessionSettings::intraOpThreads).isInstanceOf(ProdlineException.class)
          .hasMessageContaining(SessionSettings.INTRA_OP_THREADS).hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void aModelOnSeveralThreadsPredictsAsOnOne(@TempDir Path dir) throws Exception {
    Path version = OnnxBareModelTest.bare(dir, "mlp.onnx");
    float[] features = new float[64 * 30];
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) Math.sin(i);
    }
    float[] onOne;
    try (ModelRuntime one = ModelRuntimes.load(BundleReader.read(version))) {
      onOne = one.predict(features, 64);
    }
    System.setProperty(SessionSettings.INTRA_OP_THREADS, "2");
    try (ModelRuntime two = ModelRuntimes.load(BundleReader.read(version))) {
      float[] onTwo = two.predict(features, 64);
      for (int r = 0; r < 64; r++) {
        assertThat(onTwo[r]).isCloseTo(onOne[r], Offset.offset(1e-5f));
      }
    }
  }
}
