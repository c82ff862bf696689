package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvOptions;
import io.prodline.data.source.csv.CsvSource;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a data file named on the command line into one Frame. */
final class DataFiles {
  private DataFiles() {}

  static Frame read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ProdlineException("data file " + file + " does not exist (or is not a file)");
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (!name.endsWith(".csv")) {
      throw new ProdlineException(file + ": only CSV files (.csv) are read so far");
    }
    try (CsvSource source = CsvSource.open(file, CsvOptions.defaults())) {
      return source.readAll();
    }
  }
}
