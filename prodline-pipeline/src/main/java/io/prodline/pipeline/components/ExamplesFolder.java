package io.prodline.pipeline.components;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
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

  /** Opens an Examples artifact in {@code folder} for writing rows of {@code columns}, batch by batch. */
  static Writer writer(Path folder, List<Field> columns) throws IOException {
    Files.createDirectories(folder);
    JSON.writeValue(folder.resolve(COLUMNS).toFile(), columns);
    return new Writer(CsvWriter.builder().build(file(folder, TRAIN)), CsvWriter.builder().build(file(folder, EVAL)),
        columns);
  }

  /** Appends batches to both splits' files; the header is written first. */
  static final class Writer implements AutoCloseable {
    private final CsvWriter train;
    private final CsvWriter eval;
    private final List<String> cells;

    private Writer(CsvWriter train, CsvWriter eval, List<Field> columns) {
      this.train = train;
      this.eval = eval;
      this.cells = new ArrayList<>(columns.size());
      List<String> names = columns.stream().map(Field::name).toList();
      train.writeRecord(names);
      eval.writeRecord(names);
    }

    /** Writes the rows {@code trainRows} of {@code batch} to train and {@code evalRows} to eval. */
    void add(Frame batch, int[] trainRows, int[] evalRows) {
      write(train, batch, trainRows);
      write(eval, batch, evalRows);
    }

    private void write(CsvWriter csv, Frame batch, int[] rows) {
      for (int row : rows) {
        cells.clear();
        for (int c = 0; c < batch.columnCount(); c++) {
          Object v = batch.column(c).get(row);
          cells.add(v == null ? "" : v.toString());
        }
        csv.writeRecord(cells);
      }
    }

    @Override
    public void close() throws IOException {
      try (train; eval) {
        // closing both, even when the first fails
      }
    }
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
}
