package io.prodline.data.source.parquet;

import io.prodline.data.source.Rows;
import io.prodline.data.source.SourceOptions;
import java.nio.file.Path;

/** Reads a Parquet file and prints which path read it and its rows; run in a JVM of the caller's choosing. */
public final class ReadParquetMain {
  private ReadParquetMain() {}

  public static void main(String[] args) {
    try (ParquetSource source = ParquetSource.open(Path.of(args[0]), SourceOptions.defaults())) {
      System.out.println(source.rows() instanceof ArrowColumnarSource ? "columnar" : "row by row");
      source.warnings().forEach(System.out::println);
      System.out.println(Rows.of(source.readAll()));
    }
  }
}
