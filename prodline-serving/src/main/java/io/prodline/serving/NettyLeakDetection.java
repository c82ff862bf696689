package io.prodline.serving;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer leak detector, off by default for a serving process. At its default level it samples one buffer
 * allocation in 128 and records where it came from, about half a percent of the server's CPU on small requests, to
 * find bugs that tests already look for. A level the user set ({@code -Dio.netty.leakDetection.level=...}) is kept,
 * so the detector can still be turned on to chase a leak.
 */
public final class NettyLeakDetection {
  static final String PROPERTY = "io.netty.leakDetection.level";
  /** The name older Netty versions read, still honoured. */
  static final String LEGACY_PROPERTY = "io.netty.leakDetectionLevel";

  private NettyLeakDetection() {}

  /** Disables leak detection for the whole JVM unless either property was set; returns whether it did. */
  public static boolean disableUnlessConfigured() {
    if (System.getProperty(PROPERTY) != null || System.getProperty(LEGACY_PROPERTY) != null) {
      return false;
    }
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    return true;
  }
}
