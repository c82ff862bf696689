package io.prodline.data.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.ColumnType;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SchemaGen on the shipped data sets. */
class SchemaInferenceTest {

  static DatasetStatistics statistics(String file) {
    try (CsvSource source = CsvSource.open(Path.of("../examples/data/" + file))) {
      return new StatisticsCollector(StatisticsOptions.defaults().withThreads(1))
          .collect(List.of(source.readAll()).iterator());
    }
  }

  @Test
  void seattleWeather() {
    Schema schema = SchemaInference.infer(statistics("seattle-weather.csv"), InferenceOptions.defaults());

    assertThat(schema.minExamples()).isEqualTo(1);
    assertThat(schema.environments()).isEmpty();
    assertThat(schema.features()).extracting(FeatureSchema::name)
        .containsExactly("date", "precipitation", "temp_max", "temp_min", "wind", "weather");
    FeatureSchema weather = schema.feature("weather").orElseThrow();
    assertThat(weather.type()).isEqualTo(ColumnType.STRING);
    assertThat(weather.kind()).isEqualTo(FeatureKind.CATEGORICAL);
    assertThat(weather.domain()).containsExactly("drizzle", "fog", "rain", "snow", "sun");
    assertThat(weather.presence()).isEqualTo(new Presence(1.0, true));
    // 1,461 distinct dates: far more than the 20 top values, so no domain.
    assertThat(schema.feature("date").orElseThrow().domain()).isEmpty();
    FeatureSchema wind = schema.feature("wind").orElseThrow();
    assertThat(wind.type()).isEqualTo(ColumnType.FLOAT64);
    assertThat(wind.kind()).isEqualTo(FeatureKind.NUMERIC);
    assertThat(wind.range()).isNull();
    assertThat(wind.allowNan()).isFalse();
    assertThat(wind.allowInfinite()).isFalse();
    assertThat(wind.driftComparator()).isNull();
  }

  @Test
  void rangesOnRequest() {
    Schema schema = SchemaInference.infer(statistics("seattle-weather.csv"),
        InferenceOptions.defaults().withInferRanges(true));
    // numpy: min/max of temp_max over all rows.
    assertThat(schema.feature("temp_max").orElseThrow().range()).isEqualTo(new ValueRange(-1.6, 35.6));
  }

  @Test
  void breastCancer() {
    Schema schema = SchemaInference.infer(statistics("breast_cancer.csv"), InferenceOptions.defaults());

    assertThat(schema.features()).hasSize(31);
    assertThat(schema.features().subList(0, 30)).allSatisfy(f -> {
      assertThat(f.type()).isEqualTo(ColumnType.FLOAT64);
      assertThat(f.kind()).isEqualTo(FeatureKind.NUMERIC);
      assertThat(f.presence().minFraction()).isEqualTo(1.0);
    });
    FeatureSchema target = schema.features().get(30);
    assertThat(target.kind()).isEqualTo(FeatureKind.CATEGORICAL);
    assertThat(target.domain()).containsExactly("benign", "malignant");
  }

  @Test
  void domainNeedsFewEnoughValues() {
    Schema schema = SchemaInference.infer(statistics("seattle-weather.csv"),
        InferenceOptions.defaults().withMaxDomainSize(4));
    assertThat(schema.feature("weather").orElseThrow().domain()).isEmpty();
  }
}
