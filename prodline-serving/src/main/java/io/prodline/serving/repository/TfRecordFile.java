package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a TFRecord file, the container of TF Serving's warm-up requests: records one after the other, each an
 * 8-byte little-endian length, the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the data.
 * Both checksums are verified, so a truncated or damaged file is refused with the record and byte offset at fault
 * rather than replayed in part.
 */
final class TfRecordFile {
  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecordFile() {}

  /** The records of {@code file}; {@link ProdlineException} naming the file, record and offset when it is damaged. */
  static List<byte[]> read(Path file, int maxRecords) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ProdlineException("cannot read " + file + ": " + e.getMessage(), e);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<byte[]> records = new ArrayList<>();
    while (in.hasRemaining()) {
      int at = in.position();
      String where = file + " record " + (records.size() + 1) + " (at byte " + at + ")";
      if (records.size() == maxRecords) {
        throw new ProdlineException(file + " holds more than " + maxRecords + " records, the most a warm-up file "
            + "may hold (as in TF Serving); keep fewer");
      }
      if (in.remaining() < Long.BYTES + Integer.BYTES) {
        throw new ProdlineException(where + " is cut short: " + in.remaining() + " bytes left where a record header "
            + "of 12 needs to be; the file is truncated");
      }
      long length = in.getLong();
      if (in.getInt() != masked(bytes, at, Long.BYTES)) {
        throw new ProdlineException(where + " has a damaged length (its checksum does not match); this is not a "
            + "TFRecord file, or it is corrupt");
      }
      if (length < 0 || length > in.remaining() - Integer.BYTES) {
        throw new ProdlineException(where + " says it holds " + length + " bytes but only "
            + Math.max(0, in.remaining() - Integer.BYTES) + " follow; the file is truncated");
      }
      byte[] data = new byte[(int) length];
      int dataAt = in.position();
      in.get(data);
      if (in.getInt() != masked(bytes, dataAt, data.length)) {
        throw new ProdlineException(where + " is damaged: its data's checksum does not match");
      }
      records.add(data);
    }
    return records;
  }

  /** TFRecord's masked CRC-32C of {@code length} bytes from {@code offset}. */
  private static int masked(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    int value = (int) crc.getValue();
    return ((value >>> 15) | (value << 17)) + MASK_DELTA;
  }
}
