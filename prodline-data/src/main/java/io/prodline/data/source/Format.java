package io.prodline.data.source;

import io.prodline.data.source.arrow.ArrowIpcSource;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.data.source.jsonl.JsonLinesSource;
import io.prodline.data.source.parquet.ParquetSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** The file formats a location may hold, known by their extension (in any letter case). */
public enum Format {
  CSV(List.of(".csv")),
  JSON_LINES(List.of(".jsonl", ".ndjson", ".json")),
  PARQUET(List.of(".parquet")),
  ARROW(List.of(".arrow", ".arrows", ".feather", ".ipc"));

  private final List<String> extensions;

  Format(List<String> extensions) {
    this.extensions = extensions;
  }

  /** The format of a file by its name's extension, if it is one of ours. */
  public static Optional<Format> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (Format format : values()) {
      if (format.extensions.stream().anyMatch(name::endsWith)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The extensions of every format, for messages: {@code .csv, .jsonl, ...}. */
  static String allExtensions() {
    return String.join(", ", Arrays.stream(values()).flatMap(f -> f.extensions.stream()).toList());
  }

  /**
   * The rows of {@code files} together, from their metadata, for the formats that keep a count there (Parquet,
   * Arrow IPC files); empty for the others, and when a file has none (an Arrow stream).
   */
  OptionalLong countRows(List<Path> files) {
    return switch (this) {
      case PARQUET -> OptionalLong.of(ParquetSource.countRows(files));
      case ARROW -> ArrowIpcSource.countRows(files);
      case CSV, JSON_LINES -> OptionalLong.empty();
    };
  }

  /** Opens one file of this format, counting bad records into {@code badRecords}. */
  DataSource open(Path file, SourceOptions options, BadRecords badRecords) {
    return switch (this) {
      case CSV -> CsvSource.open(file, options.toCsv(), badRecords);
      case JSON_LINES -> JsonLinesSource.open(file, options, badRecords);
      case PARQUET -> ParquetSource.open(file, options, badRecords);
      case ARROW -> ArrowIpcSource.open(file, options, badRecords);
    };
  }
}
