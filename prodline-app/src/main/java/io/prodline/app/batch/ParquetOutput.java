package io.prodline.app.batch;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.fs.AtomicFile;
import io.prodline.data.source.parquet.DuckDbSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a prediction file as Parquet: the scorer streams its rows as CSV to a temporary file, and DuckDB, which
 * prodline already uses to read Parquet, reads that CSV with the columns' types declared (nothing inferred) and
 * writes the Parquet file in one pass, on all cores. The CSV is exact for every value: numbers are written as
 * the shortest text that reads back to the same float or double, a missing value is an empty cell and an empty
 * text a quoted one ({@code ""}), which DuckDB reads back as null and as empty text.
 */
final class ParquetOutput {
  private ParquetOutput() {}

  static boolean isParquet(Path output) {
    return output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /**
   * Turns {@code csv}, as {@link CsvRowEncoder} writes it, into {@code parquet}, which appears complete or not at
   * all.
   *
   * @param names the columns, in file order
   * @param types each column's DuckDB type, e.g. {@code DOUBLE} ({@link OutputColumns#sqlTypes})
   */
  static void convert(Path csv, List<String> names, List<String> types, Path parquet) {
    List<String> columns = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      columns.add(DuckDbSql.literal(names.get(c)) + ": " + DuckDbSql.literal(types.get(c)));
    }
    AtomicFile.write(parquet, temp -> {
      try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
           Statement statement = duckdb.createStatement()) {
        statement.execute("COPY (SELECT * FROM read_csv(" + DuckDbSql.literal(csv.toAbsolutePath().toString())
            + ", header = true, delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false,"
            + " auto_detect = false, columns = {" + String.join(", ", columns) + "})) TO "
            + DuckDbSql.literal(temp.toAbsolutePath().toString()) + " (FORMAT PARQUET)");
      } catch (SQLException e) {
        throw new IOException("DuckDB could not write the Parquet file: " + e.getMessage(), e);
      }
    });
  }

  /** Deletes the temporary CSV, whatever happened. */
  static void delete(Path csv) {
    try {
      Files.deleteIfExists(csv);
    } catch (IOException e) {
      throw new ProdlineException(csv + ": cannot delete the temporary file: " + e.getMessage(), e);
    }
  }
}
