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
  private io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.Level grpcLevelBefore;

  @BeforeEach
  void remember() {
    levelBefore = ResourceLeakDetector.getLevel();
    grpcLevelBefore = io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.getLevel();
  }

  @AfterEach
  void restore() {
    ResourceLeakDetector.setLevel(levelBefore);
    io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.setLevel(grpcLevelBefore);
  }

  @Test
  void disablesDetectionInNettyAndInGrpcsCopyWhenTheUserSetNoLevel() {
    assumeTrue(System.getProperty(NettyLeakDetection.PROPERTY) == null
        && System.getProperty(NettyLeakDetection.LEGACY_PROPERTY) == null);
    ResourceLeakDetector.setLevel(Level.SIMPLE);
    io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.setLevel(io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.Level.SIMPLE);
    assertThat(NettyLeakDetection.disableUnlessConfigured()).isTrue();
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(Level.DISABLED);
    assertThat(io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.getLevel()).isEqualTo(io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.Level.DISABLED);
  }

  @Test
  void keepsALevelTheUserSetForGrpcsCopyAlone() {
    String property = NettyLeakDetection.GRPC_PREFIX + NettyLeakDetection.PROPERTY;
    System.setProperty(property, "paranoid");
    io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.setLevel(io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.Level.PARANOID);
    try {
      NettyLeakDetection.disableUnlessConfigured();
      assertThat(io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.getLevel()).isEqualTo(io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.Level.PARANOID);
    } finally {
      System.clearProperty(property);
    }
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
