package io.prodline.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what a data command produces (JSON, YAML, HTML) and says where, creating missing folders, so that
 * {@code --output reports/today/x.json} works and a failed write names the file instead of a stack trace.
 */
final class OutputFiles {
  /** Indented JSON of the library's result records, whose snake_case field names are documented and stable. */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private OutputFiles() {}

  /** Writes {@code text} to {@code file} and prints "Wrote {what} {file}". */
  static void write(Path file, String text, String what) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProdlineException(file + ": cannot write the " + what + ": " + e.getMessage(), e);
    }
    System.out.println("Wrote " + what + " " + file);
  }

  /** Writes {@code value} as indented JSON. */
  static void writeJson(Path file, Object value, String what) {
    try {
      write(file, JSON.writeValueAsString(value) + "\n", what);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(what + " could not be written as JSON", e);
    }
  }
}
