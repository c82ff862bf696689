package io.prodline.data.stats;

/**
 * Lets the sketches' serialization start on Java releases newer than 21.
 *
 * <p>Every sketch is written and read through datasketches-memory, whose 3.0 line (the last that runs on Java 17;
 * later ones need Java 21 or 25) refuses, when its first class loads, any Java release it was not released for:
 * 8, 11, 17 and 21. On newer releases it works unchanged (it reads heap arrays through {@code sun.misc.Unsafe}, which
 * Java 25 still has), and prodline's whole test suite passes on Java 25 with it, so on those releases its check is
 * given a release it accepts while that one class initializes, and the real one is put back right after.
 */
final class SketchMemory {
  /** The newest release datasketches-memory 3.0 accepts. */
  private static final String ACCEPTED_RELEASE = "21";
  private static final String CHECKED_CLASS = "org.apache.datasketches.memory.internal.ResourceImpl";

  static {
    if (Runtime.version().feature() > Integer.parseInt(ACCEPTED_RELEASE)) {
      String release = System.getProperty("java.version");
      System.setProperty("java.version", ACCEPTED_RELEASE);
      try {
        Class.forName(CHECKED_CLASS, true, SketchMemory.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("datasketches-memory is missing from the class path", e);
      } finally {
        System.setProperty("java.version", release);
      }
    }
  }

  private SketchMemory() {}

  /** Call before the first sketch is created, written or read; does its work once per JVM. */
  static void ready() {
    // The static initializer does the work, exactly once, before this returns.
  }
}
