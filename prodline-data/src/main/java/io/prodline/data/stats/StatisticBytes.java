package io.prodline.data.stats;

import io.prodline.core.error.DataFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reading and writing of statistics state behind the common header: format id (u16), version
 * (u16). Nested states (a sketch, a sub-combiner) are written as a length-prefixed byte array.
 */
final class StatisticBytes {
  private static final String SOURCE = "statistics bytes";

  private StatisticBytes() {}

  static Writer writer(StatisticFormat format, int version) {
    return new Writer(format, version);
  }

  /**
   * A reader positioned after the header; throws {@link DataFormatException} unless the bytes start with
   * {@code format} and {@code version}.
   */
  static Reader reader(byte[] bytes, StatisticFormat format, int version) {
    Reader reader = new Reader(bytes);
    int id = reader.buffer.remaining() >= 4 ? Short.toUnsignedInt(reader.buffer.getShort()) : -1;
    int found = id < 0 ? -1 : Short.toUnsignedInt(reader.buffer.getShort());
    if (id != format.id() || found != version) {
      throw new DataFormatException(SOURCE, "expected format " + format + " (id " + format.id() + ") version "
          + version + " but found " + describe(id) + " version " + found);
    }
    return reader;
  }

  /** The format named by the header of {@code bytes}; throws {@link DataFormatException} if unknown. */
  static StatisticFormat formatOf(byte[] bytes) {
    int id = bytes.length >= 2 ? ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff) : -1;
    StatisticFormat format = StatisticFormat.byId(id);
    if (format == null) {
      throw new DataFormatException(SOURCE, "unknown statistics format " + describe(id));
    }
    return format;
  }

  private static String describe(int id) {
    StatisticFormat f = StatisticFormat.byId(id);
    return f == null ? "id " + id : f + " (id " + id + ")";
  }

  /** Appends fields after the header. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Writer(StatisticFormat format, int version) {
      writeUnsigned(format.id(), 2);
      writeUnsigned(version, 2);
    }

    private void writeUnsigned(long value, int bytes) {
      for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
        out.write((int) (value >>> shift));
      }
    }

    Writer writeInt(int value) {
      writeUnsigned(value, 4);
      return this;
    }

    Writer writeLong(long value) {
      writeUnsigned(value, 8);
      return this;
    }

    Writer writeDouble(double value) {
      return writeLong(Double.doubleToRawLongBits(value));
    }

    Writer writeBytes(byte[] value) {
      writeInt(value.length);
      out.write(value, 0, value.length);
      return this;
    }

    Writer writeString(String value) {
      return writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Reads fields after the header; a truncated input throws {@link DataFormatException}. */
  static final class Reader {
    private final ByteBuffer buffer;

    private Reader(byte[] bytes) {
      this.buffer = ByteBuffer.wrap(bytes);
    }

    int readInt() {
      try {
        return buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    long readLong() {
      try {
        return buffer.getLong();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    double readDouble() {
      try {
        return buffer.getDouble();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    byte[] readBytes() {
      int length = readInt();
      if (length < 0 || length > buffer.remaining()) {
        throw truncated();
      }
      byte[] value = new byte[length];
      buffer.get(value);
      return value;
    }

    String readString() {
      return new String(readBytes(), StandardCharsets.UTF_8);
    }

    /** Throws {@link DataFormatException} if bytes are left over. */
    void end() {
      if (buffer.hasRemaining()) {
        throw new DataFormatException(SOURCE, buffer.remaining() + " unexpected bytes after the statistics state");
      }
    }

    private DataFormatException truncated() {
      return new DataFormatException(SOURCE, "truncated at byte " + buffer.position() + " of " + buffer.limit());
    }
  }
}
