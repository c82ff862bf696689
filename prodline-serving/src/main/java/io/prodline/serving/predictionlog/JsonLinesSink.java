package io.prodline.serving.predictionlog;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes records as JSON lines into {@code <dir>/predictions-<yyyy-mm-dd>-<n>.jsonl}, starting a new file at
 * each UTC day of the records' timestamps and whenever the current file reaches its size limit. A new file
 * never reuses an existing name, so a restarted server does not overwrite what an earlier one wrote, and a
 * reader can treat every file but the newest as complete.
 *
 * <p>Every file holds whole records only. Records are gathered and written 64 KiB at a time; a write that fails
 * part of the way (a full disk) is cut back off the file, so the file ends where its last whole record ends and
 * what is written once the disk has room again starts on a line of its own. The records of the failed write are
 * lost and counted as such ({@link PredictionSink.SinkException}).
 */
public final class JsonLinesSink implements PredictionSink {
  private static final int WRITE_BYTES = 64 * 1024;

  private final Path directory;
  private final long maxFileBytes;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream(WRITE_BYTES + 4096);
  private int heldRecords;
  /** Not a FileChannel: closing the log interrupts the writer thread, which would close a channel mid-write. */
  private RandomAccessFile file;
  private LocalDate day;
  /** The file's length after its last whole write: where a failed write is cut back to. */
  private long written;
  private int sequence;

  /** How a new file is opened: as a {@link RandomAccessFile}, or, in a test, one whose disk fills up. */
  interface Opener {
    RandomAccessFile open(File file) throws IOException;
  }

  private final Opener opener;

  /** @throws IOException when the directory cannot be made, or the server may not write into it */
  public JsonLinesSink(Path directory, long maxFileBytes) throws IOException {
    this(directory, maxFileBytes, file -> new RandomAccessFile(file, "rw"));
  }

  JsonLinesSink(Path directory, long maxFileBytes, Opener opener) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.maxFileBytes = maxFileBytes;
    this.opener = opener;
    if (!Files.isWritable(directory)) {
      throw new AccessDeniedException(directory.toString(), null, "the server's user may not write files there");
    }
  }

  @Override
  public int write(PredictionRecord record) throws SinkException {
    LocalDate recordDay = LocalDate.ofInstant(Instant.ofEpochMilli(record.timestampMillis()), ZoneOffset.UTC);
    int durable = 0;
    if (file != null && (!recordDay.equals(day) || written + held.size() >= maxFileBytes)) {
      try {
        durable = flush();
      } catch (SinkException e) { // this record goes with the ones held before it
        throw new SinkException(e.lostRecords() + 1, (IOException) e.getCause());
      } finally {
        closeFile();
      }
    }
    try {
      PredictionRecordEncoder.write(record, held);
    } catch (IOException e) {
      throw new IllegalStateException("writing into memory cannot fail", e);
    }
    heldRecords++;
    if (file == null) {
      open(recordDay);
    }
    return held.size() >= WRITE_BYTES ? durable + flush() : durable;
  }

  private void open(LocalDate newDay) throws SinkException {
    if (!newDay.equals(day)) {
      day = newDay;
      sequence = 0;
    }
    Path path;
    do {
      path = directory.resolve("predictions-" + day + "-" + sequence++ + ".jsonl");
    } while (Files.exists(path));
    try {
      file = opener.open(path.toFile());
      written = 0;
    } catch (IOException e) {
      throw lose(e);
    }
  }

  @Override
  public int flush() throws SinkException {
    if (heldRecords == 0) {
      return 0;
    }
    if (file == null) {
      open(day);
    }
    byte[] bytes = held.toByteArray();
    try {
      file.seek(written);
      file.write(bytes);
    } catch (IOException e) {
      cutBack();
      throw lose(e);
    }
    written += bytes.length;
    int durable = heldRecords;
    held.reset();
    heldRecords = 0;
    return durable;
  }

  /** After a failed write: the file back to its last whole record, or, when even that fails, a new file next. */
  private void cutBack() {
    try {
      file.setLength(written);
    } catch (IOException e) {
      closeFile(); // the next write starts a new file rather than append to a broken line
    }
  }

  /** Drops the held records, the cause of their loss with their count. */
  private SinkException lose(IOException cause) {
    SinkException lost = new SinkException(heldRecords, cause);
    held.reset();
    heldRecords = 0;
    return lost;
  }

  private void closeFile() {
    if (file != null) {
      try {
        file.close();
      } catch (IOException ignored) {
        // Everything written reached the file, or was counted lost.
      }
      file = null;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      closeFile();
    }
  }
}
