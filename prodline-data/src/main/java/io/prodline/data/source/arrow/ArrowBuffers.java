package io.prodline.data.source.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;

/** Views of Arrow vectors' buffers for bulk copies between them and prodline's columns. */
final class ArrowBuffers {
  private ArrowBuffers() {}

  /**
   * The values of rows {@code [from, to)} of a fixed-width vector as a byte view in native order, the order Arrow
   * keeps them in; {@code asDoubleBuffer()} and the like read or write them in one copy.
   */
  static ByteBuffer values(BaseFixedWidthVector vector, int from, int to) {
    return view(vector.getDataBuffer(), vector.getTypeWidth(), from, to - from);
  }

  /** {@code count} entries of {@code width} bytes of {@code buffer} from entry {@code first}, in native order. */
  static ByteBuffer view(ArrowBuf buffer, int width, int first, int count) {
    return buffer.nioBuffer((long) first * width, count * width).order(ByteOrder.nativeOrder());
  }
}
