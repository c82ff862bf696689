package io.prodline.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FittedTransformTest {
  private final FittedTransform transform = FittedTransform.of(List.of(
      new NumericEncoder("x"), new VocabularyEncoder("city", List.of("paris", "oslo")), new NumericEncoder("n")));

  @Test
  void encodesRowMajorWithVocabularyIndicesAndNaNForMissingOrUnknown() {
    Frame raw = Frame.of(List.of("city", "x", "n", "ignored"), List.of(
        StringColumn.of("oslo", "rome", null),
        Float64Column.of(1.25, -2, 3),
        Int64Column.of(7, 8, 9),
        Int64Column.of(0, 0, 0)));
    float[] out = transform.apply(raw);
    assertThat(out).hasSize(9);
    assertThat(out[0]).isEqualTo(1.25f);
    assertThat(out[1]).isEqualTo(1f);
    assertThat(out[2]).isEqualTo(7f);
    assertThat(out[4]).isNaN(); // "rome" is not in the vocabulary
    assertThat(out[7]).isNaN(); // null city
  }

  @Test
  void missingColumnIsAnErrorNamingIt() {
    Frame raw = Frame.of(List.of("x"), List.of(Float64Column.of(1)));
    assertThatThrownBy(() -> transform.apply(raw)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("missing feature 'city'");
  }

  @Test
  void wrongTypeIsAnErrorNamingTheFeature() {
    Frame raw = Frame.of(List.of("x", "city", "n"),
        List.of(StringColumn.of("1"), StringColumn.of("oslo"), Int64Column.of(1)));
    assertThatThrownBy(() -> transform.apply(raw)).hasMessageContaining("feature 'x' must be a number");
  }

  @Test
  void jsonRoundTripGivesAnEqualTransform(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("transform.json");
    transform.write(file);
    assertThat(FittedTransform.read(file)).isEqualTo(transform);
  }

  @Test
  void unreadableFileNamesThePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("transform.json");
    java.nio.file.Files.writeString(file, "{\"format\": \"something/9\", \"features\": []}");
    assertThatThrownBy(() -> FittedTransform.read(file)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("unknown transform format");
  }
}
