package io.prodline.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.core.text.ShortestDecimal;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch prediction writes exactly what {@link Predictor#predict} returns, row for row and in input order. */
class BatchScorerTest {
  private static final int ROWS = 5_000;

  @TempDir
  Path dir;

  private Frame all(Path csv) {
    try (DataSource source = DataSources.open(csv.toString(), SourceOptions.defaults())) {
      return source.readAll();
    }
  }

  private BatchScorer.Result score(Predictor predictor, List<String> keep, Path csv, Path output, int threads,
      int batchRows) {
    AtomicLong progress = new AtomicLong();
    try (DataSource source = DataSources.open(csv.toString(), SourceOptions.defaults().withBatchRows(batchRows))) {
      BatchScorer.Result result = new BatchScorer(predictor, new OutputColumns(predictor.bundle().manifest(), keep),
          threads).score(source, output, progress::addAndGet);
      assertThat(progress.get()).isEqualTo(result.rows());
      return result;
    }
  }

  @Test
  void csvOutputEqualsPredictorRowForRowInInputOrderWithManyThreadsAndSmallBatches() throws Exception {
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), ROWS);
    try (Predictor predictor = Predictor.load(BareModelFixture.model(dir.resolve("binary"), "binary:logistic"))) {
      Path out = dir.resolve("out/scores.csv");
      BatchScorer.Result result = score(predictor, List.of("id", "segment"), csv, out, 4, 37);
      assertThat(result.rows()).isEqualTo(ROWS);

      Predictions expected = predictor.predict(all(csv));
      Frame written = all(out);
      assertThat(written.names()).containsExactly("id", "segment", "prediction", "predicted_class");
      assertThat(written.rowCount()).isEqualTo(ROWS);
      for (int r = 0; r < ROWS; r++) {
        assertThat(written.column("id").getDouble(r)).isEqualTo(1000 + r);
        assertThat(written.column("segment").get(r)).isEqualTo(r % 3 == 0 ? "north, east" : "south");
        assertThat((float) written.column("prediction").getDouble(r)).as("row %d", r).isEqualTo(expected.value(r));
        assertThat(written.column("predicted_class").get(r).toString()).isEqualTo(expected.predictedClass(r));
      }
    }
  }

  @Test
  void parquetOutputHoldsTheValuesOfTheCsvOutputTypedAndLeavesNoTemporaryFile() throws Exception {
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), ROWS);
    try (Predictor predictor = Predictor.load(BareModelFixture.model(dir.resolve("binary"), "binary:logistic"))) {
      Path asCsv = dir.resolve("out/scores.csv");
      Path asParquet = dir.resolve("out/scores.parquet");
      score(predictor, List.of("id", "segment"), csv, asCsv, 2, 500);
      BatchScorer.Result result = score(predictor, List.of("id", "segment"), csv, asParquet, 2, 500);
      assertThat(result.rows()).isEqualTo(ROWS);

      try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
           Statement statement = duckdb.createStatement();
           ResultSet types = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + asParquet + "')")) {
        List<String> described = new ArrayList<>();
        while (types.next()) {
          described.add(types.getString("column_name") + " " + types.getString("column_type"));
        }
        assertThat(described).containsExactly("id BIGINT", "segment VARCHAR", "prediction FLOAT",
            "predicted_class VARCHAR");
      }
      Frame fromParquet = all(asParquet);
      Frame fromCsv = all(asCsv);
      assertThat(fromParquet.rowCount()).isEqualTo(ROWS);
      for (String column : List.of("id", "segment")) {
        for (int r = 0; r < ROWS; r++) {
          assertThat(fromParquet.column(column).get(r)).as("%s row %d", column, r)
              .isEqualTo(fromCsv.column(column).get(r));
        }
      }
      // Class names are text in the file ("0", "1"), which reading the CSV back infers as integers.
      for (int r = 0; r < ROWS; r++) {
        assertThat(fromParquet.column("predicted_class").get(r)).as("row %d", r)
            .isEqualTo(String.valueOf(fromCsv.column("predicted_class").get(r)));
      }
      // The file holds the model's float itself; the CSV holds its shortest text, read back here as a double.
      for (int r = 0; r < ROWS; r++) {
        assertThat((float) fromParquet.column("prediction").getDouble(r)).as("row %d", r)
            .isEqualTo((float) fromCsv.column("prediction").getDouble(r));
      }
      try (var left = Files.list(dir.resolve("out"))) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("scores.csv",
            "scores.parquet");
      }
    }
  }

  @Test
  void arrowOutputHoldsTheModelsFloatsAndTheKeptColumnsTyped() throws Exception {
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), ROWS);
    try (Predictor predictor = Predictor.load(BareModelFixture.model(dir.resolve("multi"), "multi:softprob"))) {
      Path out = dir.resolve("out/scores.feather");
      assertThat(score(predictor, List.of("id", "segment"), csv, out, 3, 333).rows()).isEqualTo(ROWS);

      try (BufferAllocator allocator = new RootAllocator();
           ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(out), allocator)) {
        assertThat(reader.getVectorSchemaRoot().getSchema().getFields()).extracting(f -> f.getName() + " "
            + f.getType()).containsExactly("id Int(64, true)", "segment Utf8", "predicted_class Utf8",
            "p_0 FloatingPoint(SINGLE)", "p_1 FloatingPoint(SINGLE)", "p_2 FloatingPoint(SINGLE)");
        assertThat(reader.getRecordBlocks()).hasSize((ROWS + 332) / 333);
      }
      Frame input = all(csv);
      Predictions expected = predictor.predict(input);
      Frame written = all(out);
      assertThat(written.rowCount()).isEqualTo(ROWS);
      for (int r = 0; r < ROWS; r++) {
        assertThat(written.column("id").get(r)).isEqualTo(input.column("id").get(r));
        assertThat(written.column("segment").get(r)).isEqualTo(input.column("segment").get(r));
        assertThat(written.column("predicted_class").get(r)).isEqualTo(expected.predictedClass(r));
        for (int k = 0; k < 3; k++) {
          assertThat((float) written.column("p_" + k).getDouble(r)).isEqualTo(expected.row(r)[k]);
        }
      }
      try (var left = Files.list(dir.resolve("out"))) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly("scores.feather");
      }
    }
  }

  @Test
  void parquetOutputKeepsEmptyTextApartFromAMissingValue() throws Exception {
    Path jsonl = Files.writeString(dir.resolve("in.jsonl"), """
        {"id": 1, "a": 0.5, "b": 1, "c": 2, "d": 3, "e": 4, "segment": ""}
        {"id": 2, "a": 0.5, "b": 1, "c": 2, "d": 3, "e": 4, "segment": null}
        {"id": 3, "a": 0.5, "b": 1, "c": 2, "d": 3, "e": 4, "segment": "say \\"hi\\", then\\nleave"}
        """);
    Path out = dir.resolve("scores.parquet");
    try (Predictor predictor = Predictor.load(BareModelFixture.model(dir.resolve("binary"), "binary:logistic"))) {
      score(predictor, List.of("id", "segment"), jsonl, out, 1, 10);
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = duckdb.createStatement();
         ResultSet rows = statement.executeQuery("SELECT segment, segment IS NULL FROM read_parquet('" + out
             + "') ORDER BY id")) {
      List<String> read = new ArrayList<>();
      while (rows.next()) {
        read.add(rows.getString(1) + "|" + rows.getBoolean(2));
      }
      assertThat(read).containsExactly("|false", "null|true", "say \"hi\", then\nleave|false");
    }
  }

  @Test
  void eachCsvLineIsTheKeptCellsThenTheJavaTextOfThePredictionAndAColumnNotReadMayHoldAnything() throws Exception {
    List<String> lines = Files.readAllLines(BareModelFixture.csv(dir.resolve("fixture.csv"), ROWS));
    StringBuilder text = new StringBuilder(lines.get(0)).append(",unused\n");
    for (int r = 1; r < lines.size(); r++) {
      text.append(lines.get(r)).append(r == ROWS / 2 ? ",not a number\n" : "," + r + "\n");
    }
    Path csv = Files.writeString(dir.resolve("in.csv"), text);
    try (DataSource whole = DataSources.open(csv.toString(), SourceOptions.defaults().withSampleRows(10))) {
      assertThatThrownBy(whole::readAll).hasMessageContaining("\"not a number\"");
    }
    try (Predictor predictor = Predictor.load(BareModelFixture.model(dir.resolve("binary"), "binary:logistic"))) {
      Path out = dir.resolve("scores.csv");
      try (DataSource source = DataSources.open(csv.toString(), SourceOptions.defaults().withSampleRows(10)
          .withBatchRows(333))) {
        new BatchScorer(predictor, new OutputColumns(predictor.bundle().manifest(), List.of("segment", "id")), 3)
            .score(source, out, rows -> { });
      }

      Predictions expected = predictor.predict(all(dir.resolve("fixture.csv")));
      List<String> written = Files.readAllLines(out);
      assertThat(written.get(0)).isEqualTo("segment,id,prediction,predicted_class");
      assertThat(written).hasSize(ROWS + 1);
      for (int r = 0; r < ROWS; r++) {
        String segment = r % 3 == 0 ? "\"north, east\"" : "south";
        assertThat(written.get(r + 1)).isEqualTo(segment + "," + (1000 + r) + "," + ShortestDecimal.of(expected.value(r))
            + "," + expected.predictedClass(r));
      }
    }
  }

  @Test
  void multiclassJsonLinesHaveTheClassAndOneProbabilityPerClass() throws Exception {
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), 1_000);
    try (Predictor predictor = Predictor.load(BareModelFixture.model(dir.resolve("multi"), "multi:softprob"))) {
      Path out = dir.resolve("scores.jsonl");
      score(predictor, List.of("id"), csv, out, 3, 64);

      Predictions expected = predictor.predict(all(csv));
      List<String> lines = Files.readAllLines(out);
      assertThat(lines).hasSize(1_000);
      ObjectMapper json = new ObjectMapper();
      for (int r = 0; r < lines.size(); r++) {
        JsonNode row = json.readTree(lines.get(r));
        assertThat(row.fieldNames()).toIterable().containsExactly("id", "predicted_class", "p_0", "p_1", "p_2");
        assertThat(row.get("id").asLong()).isEqualTo(1000 + r);
        assertThat(row.get("predicted_class").asText()).isEqualTo(expected.predictedClass(r));
        for (int k = 0; k < 3; k++) {
          assertThat(row.get("p_" + k).floatValue()).isEqualTo(expected.row(r)[k]);
        }
      }
    }
  }

  @Test
  void aMissingKeepColumnOrFeatureFailsBeforeAnyOutput() throws Exception {
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), 10);
    Files.writeString(dir.resolve("narrow.csv"), "id,a,b\n1,0.5,0.5\n");
    try (Predictor predictor = Predictor.load(BareModelFixture.model(dir.resolve("reg"), "reg:squarederror"))) {
      Path out = dir.resolve("never.csv");
      assertThatThrownBy(() -> score(predictor, List.of("customer"), csv, out, 2, 4))
          .isInstanceOf(ProdlineException.class).hasMessageContaining("--keep customer");
      assertThatThrownBy(() -> score(predictor, List.of(), dir.resolve("narrow.csv"), out, 2, 4))
          .isInstanceOf(ProdlineException.class).hasMessageContaining("[c, d, e]");
      assertThat(out).doesNotExist();
    }
  }
}
