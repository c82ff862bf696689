package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetector.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyLeakDetectionTest {
  private Level levelBefore;

  @BeforeEach
  void remember() {
    levelBefore = ResourceLeakDetector.getLevel();
  }

  @AfterEach
  void restore() {
    ResourceLeakDetector.setLevel(levelBefore);
  }

  @Test
  void disablesDetectionWhenTheUserSetNoLevel() {
    assumeTrue(System.getProperty(NettyLeakDetection.PROPERTY) == null
        && System.getProperty(NettyLeakDetection.LEGACY_PROPERTY) == null);
    assertThat(NettyLeakDetection.disableUnlessConfigured()).isTrue();
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(Level.DISABLED);
  }

  @Test
  void keepsALevelTheUserSet() {
    for (String property : new String[] {NettyLeakDetection.PROPERTY, NettyLeakDetection.LEGACY_PROPERTY}) {
      String given = System.getProperty(property);
      System.setProperty(property, "paranoid");
      ResourceLeakDetector.setLevel(Level.PARANOID);
      try {
        assertThat(NettyLeakDetection.disableUnlessConfigured()).isFalse();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(Level.PARANOID);
      } finally {
        if (given == null) {
          System.clearProperty(property);
        } else {
          System.setProperty(property, given);
        }
      }
    }
  }
}
