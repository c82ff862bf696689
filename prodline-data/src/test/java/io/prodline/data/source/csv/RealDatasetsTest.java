package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example data sets shipped in examples/data read with the expected shape, types and values. */
class RealDatasetsTest {
  private static final Path DATA = Path.of("..", "examples", "data");

  @Test
  void breastCancer() {
    Frame frame = readAll(DATA.resolve("breast_cancer.csv"));
    assertThat(frame.rowCount()).isEqualTo(569);
    assertThat(frame.columnCount()).isEqualTo(31);
    for (int c = 0; c < 30; c++) {
      assertThat(frame.type(c)).as(frame.name(c)).isEqualTo(ColumnType.FLOAT64);
    }
    assertThat(frame.name(30)).isEqualTo("diagnosis");
    assertThat(frame.type(30)).isEqualTo(ColumnType.STRING);
    assertThat(frame.column("mean_radius").get(0)).isEqualTo(17.99);
    assertThat(frame.column("diagnosis").get(0)).isEqualTo("malignant");
  }

  @Test
  void seattleWeather() {
    Path file = DATA.resolve("seattle-weather.csv");
    try (CsvSource csv = CsvSource.open(file)) {
      assertThat(csv.schema()).containsExactly(
          new Field("date", ColumnType.STRING),
          new Field("precipitation", ColumnType.FLOAT64),
          new Field("temp_max", ColumnType.FLOAT64),
          new Field("temp_min", ColumnType.FLOAT64),
          new Field("wind", ColumnType.FLOAT64),
          new Field("weather", ColumnType.STRING));
    }
    Frame frame = readAll(file);
    assertThat(frame.rowCount()).isEqualTo(1461);
    assertThat(List.of(frame.column("date").get(1), frame.column("precipitation").get(1),
        frame.column("temp_max").get(1), frame.column("weather").get(1)))
        .containsExactly("2012/01/02", 10.9, 10.6, "rain");
  }
}
