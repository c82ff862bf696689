package io.prodline.app;

import static io.prodline.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.app.CommandLineTest.Run;
import io.prodline.app.batch.BareModelFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prodline predict} end to end: output file, bad records under both policies, atomic output. */
class PredictCommandTest {
  @TempDir
  Path dir;

  /** The fixture CSV {@code name} of {@code rows} rows, with each line whose number (from 1) passes edited. */
  private Path editedCsv(String name, int rows, IntPredicate lineNumbers, UnaryOperator<String> edit)
      throws Exception {
    Path csv = BareModelFixture.csv(dir.resolve(name), rows);
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    for (int i = 0; i < lines.size(); i++) {
      if (lineNumbers.test(i + 1)) {
        lines.set(i, edit.apply(lines.get(i)));
      }
    }
    Files.write(csv, lines);
    return csv;
  }

  /** The fixture CSV with one malformed row (an extra cell) on line {@code badLine}. */
  private Path csvWithBadRow(int rows, int badLine) throws Exception {
    return editedCsv("in.csv", rows, n -> n == badLine, line -> line + ",extra");
  }

  private List<String> filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void predictsABareModelIntoACsvKeepingTheIdAndSegment() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "binary:logistic");
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), 300);
    Path out = dir.resolve("out.csv");
    Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString(),
        "--keep", "id,segment", "--threads", "2", "--batch-rows", "50");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(301);
    assertThat(lines.get(0)).isEqualTo("id,segment,prediction,predicted_class");
    assertThat(lines.get(1)).startsWith("1000,");
    assertThat(lines.get(300)).startsWith("1299,");
  }

  @Test
  void aBadRowFailsTheRunNamingFileAndLineAndLeavesNoOutput() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "reg:squarederror");
    Path outputs = Files.createDirectories(dir.resolve("outputs"));
    Path previous = outputs.resolve("previous.csv");
    Files.writeString(previous, "kept\n");
    Path csv = csvWithBadRow(2_000, 1_500);
    for (Path out : List.of(outputs.resolve("new.csv"), previous)) {
      Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString(),
          "--threads", "3", "--batch-rows", "100");
      assertThat(r.exitCode()).isNotZero();
      assertThat(r.err()).contains(csv + ":1500:");
    }
    assertThat(filesIn(outputs)).containsExactly("previous.csv");
    assertThat(previous).hasContent("kept");
  }

  @Test
  void skipBadRecordsDropsTheBadRowAndPredictsTheRest() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "reg:squarederror");
    Path csv = csvWithBadRow(500, 101);
    Path out = dir.resolve("out.jsonl");
    Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString(),
        "--keep", "id", "--skip-bad-records", "5", "--batch-rows", "64");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(499).noneMatch(l -> l.startsWith("{\"id\":1099,"));
    assertThat(lines.get(0)).startsWith("{\"id\":1000,\"prediction\":");
  }

  /** The fixture CSV with column {@code column} (1-based among a..e) of every row replaced by {@code cell}. */
  private Path csvWithCells(String name, int rows, int column, String cell) throws Exception {
    return editedCsv(name, rows, n -> n > 1, line -> {
      String[] cells = line.split(",", -1);
      cells[column] = cell;
      return String.join(",", cells);
    });
  }

  @Test
  void aFeatureWithNoValueInTheFirstRowsIsReadAsMissingNumbersAndNullValuesNameMoreMissingTexts() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "binary:logistic");
    Path empty = csvWithCells("empty.csv", 200, 3, "");
    Path na = csvWithCells("na.csv", 200, 3, "NA");
    Run r = run("predict", "--model", model.toString(), "--input", empty.toString(), "--output",
        dir.resolve("empty-out.csv").toString(), "--keep", "id");
    assertThat(r.exitCode()).as(r.err()).isZero();
    r = run("predict", "--model", model.toString(), "--input", na.toString(), "--output",
        dir.resolve("na-out.csv").toString(), "--keep", "id", "--null-values", "NA,null");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> predicted = Files.readAllLines(dir.resolve("empty-out.csv"));
    assertThat(predicted).hasSize(201);
    assertThat(Files.readAllLines(dir.resolve("na-out.csv"))).isEqualTo(predicted);
  }

  @Test
  void aValueThatIsNoNumberInAFeatureIsABadRowNamingItsLineWhereverItIs() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "reg:squarederror");
    Path csv = editedCsv("in.csv", 100, n -> n == 12, line -> line.replaceFirst("^(\\d+),[^,]*,", "$1,abc,"));
    Path out = dir.resolve("out.csv");
    Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains(csv + ":12:").contains("abc");
    r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString(),
        "--skip-bad-records", "1", "--keep", "id");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(100).noneMatch(l -> l.startsWith("1010,"));
  }

  @Test
  void anInfinityIsRefusedNamingItsRowUnlessAllowed() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "reg:squarederror");
    // Line 32 is row 31; feature b.
    Path csv = editedCsv("in.csv", 100, n -> n == 32,
        line -> line.replaceFirst("^(\\d+),[^,]*,[^,]*,", "$1,1.5,-Infinity,"));
    Path out = dir.resolve("out.csv");
    Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("row 31 of the input: feature 'b' is -Infinity").contains("--allow-nan");
    assertThat(out).doesNotExist();

    r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString(),
        "--allow-nan");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(101);
  }

  @Test
  void aValueBeyondFloat32IsRefusedAsTheInfinityTheModelWouldBeGiven() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "reg:squarederror");
    Path csv = editedCsv("in.csv", 20, n -> n == 8, line -> line.replaceFirst("^(\\d+),[^,]*,", "$1,1e300,"));
    Path out = dir.resolve("out.csv");
    Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("row 7 of the input: model input 'a' is beyond the float32 range the model "
        + "computes in").contains("--allow-nan");
    assertThat(out).doesNotExist();
  }

  @Test
  void aKeptColumnNamedTwiceIsRefusedNamingTheOption() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "reg:squarederror");
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), 10);
    Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output",
        dir.resolve("out.csv").toString(), "--keep", "id,id");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("--keep names 'id' twice");
  }

  @Test
  void anOutputThatIsTheInputFileIsRefusedAndTheDataKept() throws Exception {
    Path model = BareModelFixture.model(dir.resolve("model"), "reg:squarederror");
    Path csv = BareModelFixture.csv(dir.resolve("in.csv"), 20);
    String data = Files.readString(csv);
    Run r = run("predict", "--model", model.toString(), "--input", csv.toString(), "--output",
        dir.resolve("./in.csv").toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("is the --input file").contains("choose another output file");
    assertThat(csv).hasContent(data);
  }

  @Test
  void aDirectoryWithNoModelSaysWhichFilesAreAccepted() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Run r = run("predict", "--model", empty.toString(), "--input", "x.csv", "--output", "y.csv");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("is not a model bundle").contains("model.json, model.ubj, model.onnx");
  }
}
