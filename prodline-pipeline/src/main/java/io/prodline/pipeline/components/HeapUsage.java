package io.prodline.pipeline.components;

import java.lang.management.ManagementFactory;

/**
 * The heap in use once garbage is collected, so two readings differ by what stayed reachable between them (a
 * loaded model) rather than by whatever garbage happened to be lying around.
 */
final class HeapUsage {
  private HeapUsage() {}

  static long afterGc() {
    ManagementFactory.getMemoryMXBean().gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
