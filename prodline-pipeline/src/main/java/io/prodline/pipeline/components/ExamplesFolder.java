package io.prodline.pipeline.components;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.csv.CsvOptions;
import io.prodline.data.source.csv.CsvSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of an Examples artifact: one CSV file per split ({@code train.csv}, {@code eval.csv}) and
 * {@code columns.json}, the column types ExampleGen inferred. Readers apply those types instead of guessing
 * again, so both splits, and every downstream step, see the same types.
 */
public final class ExamplesFolder {
  public static final String TRAIN = "train";
  public static final String EVAL = "eval";
  private static final String COLUMNS = "columns.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExamplesFolder() {}

  static void write(Path folder, Frame frame, List<Field> columns, int[] trainRows, int[] evalRows)
      throws IOException {
    Files.createDirectories(folder);
    JSON.writeValue(folder.resolve(COLUMNS).toFile(), columns);
    writeCsv(file(folder, TRAIN), frame.take(trainRows));
    writeCsv(file(folder, EVAL), frame.take(evalRows));
  }

  /** The CSV file of {@code split}. */
  public static Path file(Path folder, String split) {
    return folder.resolve(split + ".csv");
  }

  /** Opens one split, typed as ExampleGen recorded. */
  public static CsvSource open(Path folder, String split) throws IOException {
    List<Field> columns = JSON.readValue(folder.resolve(COLUMNS).toFile(), new TypeReference<List<Field>>() {});
    return CsvSource.open(file(folder, split), CsvOptions.defaults().withSchema(columns));
  }

  public static Frame read(Path folder, String split) throws IOException {
    try (CsvSource source = open(folder, split)) {
      return source.readAll();
    }
  }

  private static void writeCsv(Path file, Frame frame) throws IOException {
    try (CsvWriter csv = CsvWriter.builder().build(file)) {
      csv.writeRecord(frame.names());
      List<String> cells = new ArrayList<>(frame.columnCount());
      for (int row = 0; row < frame.rowCount(); row++) {
        cells.clear();
        for (int c = 0; c < frame.columnCount(); c++) {
          Column column = frame.column(c);
          Object v = column.get(row);
          cells.add(v == null ? "" : v.toString());
        }
        csv.writeRecord(cells);
      }
    }
  }
}
