package io.prodline.data.source.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/** Whether Arrow's memory works in this JVM. */
public final class ArrowMemory {
  /** What a person reading an Arrow path without it is told to do. */
  public static final String HOW_TO_ENABLE = "start java with --add-opens=java.base/java.nio=ALL-UNNAMED (the "
      + "prodline launcher does)";
  private static volatile Boolean available;

  private ArrowMemory() {}

  /**
   * Whether Arrow can wrap its memory in a direct buffer, which reading a file into its vectors and importing
   * DuckDB's export both need, and which Java 17 allows only with java.nio opened; asked once.
   */
  public static boolean available() {
    if (available == null) {
      try (BufferAllocator probe = new RootAllocator(); ArrowBuf buffer = probe.buffer(8)) {
        MemoryUtil.directBuffer(buffer.memoryAddress(), 8);
        available = true;
      } catch (Throwable e) { // UnsupportedOperationException or an ExceptionInInitializerError: java.nio is closed
        available = false;
      }
    }
    return available;
  }
}
