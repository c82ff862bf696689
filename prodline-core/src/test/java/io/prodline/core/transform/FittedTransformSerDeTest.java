package io.prodline.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** transform.json: old bundles stay readable, and every kind survives a write and read unchanged. */
class FittedTransformSerDeTest {
  private static Path golden(String name) throws URISyntaxException {
    return Path.of(FittedTransformSerDeTest.class.getResource(name).toURI());
  }

  @Test
  void transformJsonWrittenBeforeMultiOutputEncodersReadsAndAppliesAsBefore() throws Exception {
    FittedTransform old = FittedTransform.read(golden("transform-v1-numeric-vocabulary.json"));
    assertThat(old).isEqualTo(FittedTransform.of(List.of(
        new NumericEncoder("x"), new VocabularyEncoder("city", List.of("paris", "oslo")), new NumericEncoder("n"))));
    assertThat(old.outputNames()).containsExactly("x", "city", "n");
    Frame raw = Frame.of(List.of("x", "city", "n"), List.of(
        Float64Column.of(1.25, -2), StringColumn.of("oslo", "rome"), Int64Column.of(7, 8)));
    float[] out = old.apply(raw);
    assertThat(out).containsExactly(1.25f, 1f, 7f, -2f, Float.NaN, 8f);
  }

  @Test
  void everyKindRoundTripsThroughJson(@TempDir Path dir) throws Exception {
    FittedTransform all = FittedTransform.of(List.of(
        new NumericEncoder("p", "precipitation", List.of(new FillStep(0.1), new Log1pStep(), new ClipStep(0, 3),
            new ScaleStep(0, 3), new ZScoreStep(0.3, 0.7), new BucketizeStep(new double[] {-1, 0.1, 1e300}))),
        new DatePartEncoder("dow", "date", DatePart.DAY_OF_WEEK, List.of()),
        new VocabularyEncoder("w", "weather", "sun", List.of("sun", "rain"), 2, CategoryEncoding.ONE_HOT),
        new HashEncoder("h", "weather", null, 7, CategoryEncoding.INDEX),
        new CrossEncoder("x", List.of("weather", "date"), 13, CategoryEncoding.ONE_HOT)));
    Path file = dir.resolve("transform.json");
    all.write(file);
    FittedTransform read = FittedTransform.read(file);
    assertThat(read).isEqualTo(all);
    assertThat(read.width()).isEqualTo(1 + 1 + 4 + 1 + 13);
    assertThat(read.inputs()).containsExactly("precipitation", "date", "weather");
  }
}
