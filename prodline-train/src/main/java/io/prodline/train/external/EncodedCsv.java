package io.prodline.train.external;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes encoded rows as the CSV an external trainer reads: a header of the model input names then {@code label};
 * one row per example, the target last; missing values as empty fields. Floats are written in their shortest exact
 * decimal form, so the script reads the very values prodline's transform produced.
 */
final class EncodedCsv {
  static final String LABEL = "label";

  private EncodedCsv() {}

  static void write(Path file, List<String> names, float[] features, float[] targets) throws IOException {
    int width = names.size();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String name : names) {
        out.write(quote(name));
        out.write(',');
      }
      out.write(LABEL);
      out.write('\n');
      for (int row = 0; row < targets.length; row++) {
        for (int c = 0; c < width; c++) {
          float v = features[row * width + c];
          if (!Float.isNaN(v)) {
            out.write(Float.toString(v));
          }
          out.write(',');
        }
        out.write(Float.toString(targets[row]));
        out.write('\n');
      }
    }
  }

  private static String quote(String name) {
    return name.contains(",") || name.contains("\"") ? '"' + name.replace("\"", "\"\"") + '"' : name;
  }
}
