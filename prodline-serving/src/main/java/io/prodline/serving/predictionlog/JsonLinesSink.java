package io.prodline.serving.predictionlog;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 */
public final class JsonLinesSink implements PredictionSink {
  private final Path directory;
  private final long maxFileBytes;
  private OutputStream out;
  private LocalDate day;
  private long bytes;
  private int sequence;

  public JsonLinesSink(Path directory, long maxFileBytes) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public void write(PredictionRecord record) throws IOException {
    LocalDate recordDay = LocalDate.ofInstant(Instant.ofEpochMilli(record.timestampMillis()), ZoneOffset.UTC);
    if (out == null || bytes >= maxFileBytes || !recordDay.equals(day)) {
      open(recordDay);
    }
    CountingStream counted = new CountingStream(out);
    PredictionRecordEncoder.write(record, counted);
    bytes += counted.count;
  }

  private void open(LocalDate newDay) throws IOException {
    close();
    if (!newDay.equals(day)) {
      day = newDay;
      sequence = 0;
    }
    Path file;
    do {
      file = directory.resolve("predictions-" + day + "-" + sequence++ + ".jsonl");
    } while (Files.exists(file));
    // FileOutputStream, unlike Files.newOutputStream, is not closed when the writer thread is interrupted.
    out = new BufferedOutputStream(new FileOutputStream(file.toFile()), 64 * 1024);
    bytes = 0;
  }

  @Override
  public void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  /** Counts the bytes of one record on their way to the file. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream target;
    private long count;

    CountingStream(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
      count += len;
    }
  }
}
