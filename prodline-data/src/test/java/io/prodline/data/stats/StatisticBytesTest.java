package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.Float64Column;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatisticBytesTest {

  @Test
  void headerIsFormatIdThenVersion() {
    byte[] bytes = PresenceCombiner.create().toBytes();
    assertThat(Arrays.copyOf(bytes, 4)).containsExactly(0, StatisticFormat.PRESENCE.id(), 0, 1);
  }

  @Test
  void wrongFormatIsRejectedByName() {
    byte[] moments = MomentsCombiner.create().toBytes();
    assertThatThrownBy(() -> PresenceCombiner.fromBytes(moments))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("expected format PRESENCE (id 1) version 1 but found MOMENTS (id 2) version 1");
  }

  @Test
  void newerVersionIsRejected() {
    byte[] bytes = PresenceCombiner.create().toBytes();
    bytes[3] = 2;
    assertThatThrownBy(() -> PresenceCombiner.fromBytes(bytes)).hasMessageContaining("found PRESENCE (id 1) version 2");
  }

  @Test
  void truncatedAndTrailingBytesAreRejected() {
    MomentsCombiner c = MomentsCombiner.create();
    c.add(Float64Column.of(1, 2));
    byte[] bytes = c.toBytes();
    assertThatThrownBy(() -> MomentsCombiner.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> MomentsCombiner.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("unexpected bytes");
  }

  @Test
  void featureBytesDispatchOnFormat() {
    FeatureCombiner bool = BoolFeatureCombiner.create("flag");
    bool.add(io.prodline.core.frame.BoolColumn.of(true, false, true));
    assertThat(FeatureCombiner.fromBytes(bool.toBytes()).result()).isEqualTo(bool.result());
    assertThatThrownBy(() -> FeatureCombiner.fromBytes(PresenceCombiner.create().toBytes()))
        .hasMessageContaining("expected a feature statistics format but found PRESENCE");
  }
}
