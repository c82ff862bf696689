package io.prodline.runtime.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A direct (native-memory) float buffer per thread, reused from call to call. ONNX Runtime's Java API copies a
 * heap array into a newly allocated direct buffer on every call, and a direct buffer costs far more to allocate
 * and later free (a cleaner, reference processing at the next GC) than a small model costs to run; handing it a
 * direct buffer it reads in place avoids that. A thread runs one call at a time, so its buffer is never shared.
 * Buffers above {@link #MAX_KEPT_FLOATS} floats are used once and not kept, so a rare huge request does not pin
 * its memory to the thread.
 */
final class ThreadBuffer {
  /** 256 KiB: thousands of rows of a typical model. */
  static final int MAX_KEPT_FLOATS = 1 << 16;

  private final ThreadLocal<FloatBuffer> kept = ThreadLocal.withInitial(() -> allocate(0));

  /** This thread's buffer, at least {@code floats} long, with position 0 and limit {@code floats}. */
  FloatBuffer take(int floats) {
    FloatBuffer buffer = kept.get();
    if (buffer.capacity() < floats) {
      buffer = allocate(floats);
      if (floats <= MAX_KEPT_FLOATS) {
        kept.set(buffer);
      }
    }
    return buffer.clear().limit(floats);
  }

  private static FloatBuffer allocate(int floats) {
    return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }
}
