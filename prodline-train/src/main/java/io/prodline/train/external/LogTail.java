package io.prodline.train.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a trainer's log, quoted in error messages so the cause is visible without opening it. */
final class LogTail {
  static final int LINES = 20;

  private LogTail() {}

  static String of(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "; its log " + log + " cannot be read: " + e.getMessage();
    }
    if (lines.isEmpty()) {
      return "; its log " + log + " is empty";
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
    return "; last " + tail.size() + " line(s) of " + log + ":\n  " + String.join("\n  ", tail);
  }
}
