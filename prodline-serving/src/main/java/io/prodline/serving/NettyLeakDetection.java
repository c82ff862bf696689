package io.prodline.serving;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer leak detector, off by default for a serving process. At its default level it samples one buffer
 * allocation in 128 and records where it came from, about half a percent of the server's CPU on small REST
 * requests and 2% on gRPC calls, to find bugs that tests already look for. gRPC runs on its own shaded copy of
 * Netty, with its own detector and its own property names, so each copy is turned off unless the user set a level
 * for it ({@code -Dio.netty.leakDetection.level=...} for REST, {@code -Dio.grpc.netty.shaded.io.netty.leakDetection
 * .level=...} for gRPC): the detector can still be turned on to chase a leak.
 */
public final class NettyLeakDetection {
  static final String PROPERTY = "io.netty.leakDetection.level";
  /** The name older Netty versions read, still honoured. */
  static final String LEGACY_PROPERTY = "io.netty.leakDetectionLevel";
  static final String GRPC_PREFIX = "io.grpc.netty.shaded.";

  private NettyLeakDetection() {}

  /**
   * Disables leak detection for the whole JVM, in Netty and in gRPC's copy of it, unless a level was set for that
   * copy; returns whether it disabled Netty's own.
   */
  public static boolean disableUnlessConfigured() {
    if (!configured(GRPC_PREFIX)) {
      io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.setLevel(
          io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector.Level.DISABLED);
    }
    if (configured("")) {
      return false;
    }
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    return true;
  }

  private static boolean configured(String prefix) {
    return System.getProperty(prefix + PROPERTY) != null || System.getProperty(prefix + LEGACY_PROPERTY) != null;
  }
}
