package io.prodline.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.BundleWriter;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.NumericEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected outputs were computed with numpy by src/test/resources/onnx/make_mlp.py, independently of ONNX Runtime. */
class OnnxRuntimeProviderTest {
  static final Path FIXTURES = Path.of("src/test/resources/onnx");
  static final JsonNode EXPECTED = read();

  static JsonNode read() {
    try {
      return new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path bundle(Path dir, String model, int width, Task task, List<String> classes) throws Exception {
    List<Field> inputs = new ArrayList<>();
    List<FeatureEncoder> encoders = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      inputs.add(new Field("f" + i, ColumnType.FLOAT64));
      encoders.add(new NumericEncoder("f" + i));
    }
    BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, "m", 1, "onnx", "model.onnx",
        "transform.json", task, "y", classes, inputs, Map.of(), null, "2026-01-01T00:00:00Z", null, null);
    Path target = dir.resolve("m/1");
    BundleWriter.write(target, manifest, FittedTransform.of(encoders), f -> Files.copy(FIXTURES.resolve(model), f));
    return target;
  }

  static Frame frame(JsonNode rows) {
    int width = rows.get(0).size();
    List<String> names = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      double[] values = new double[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        values[r] = rows.get(r).get(c).asDouble();
      }
      names.add("f" + c);
      columns.add(Float64Column.of(values));
    }
    return Frame.of(names, columns);
  }

  @Test
  void mlpMatchesNumpy(@TempDir Path dir) throws Exception {
    JsonNode mlp = EXPECTED.get("mlp");
    try (Predictor p = Predictor.load(bundle(dir, "mlp.onnx", 30, Task.REGRESSION, List.of()))) {
      Predictions out = p.predict(frame(mlp.get("inputs")));
      assertThat(out.width()).isEqualTo(1);
      for (int r = 0; r < out.rows(); r++) {
        assertThat((double) out.value(r)).isCloseTo(mlp.get("outputs").get(r).asDouble(),
            org.assertj.core.data.Offset.offset(1e-5));
      }
    }
  }

  @Test
  void softmaxClassifierServesOneProbabilityPerClass(@TempDir Path dir) throws Exception {
    JsonNode softmax = EXPECTED.get("softmax3");
    try (Predictor p = Predictor.load(bundle(dir, "softmax3.onnx", 4, Task.MULTICLASS_CLASSIFICATION,
        List.of("a", "b", "c")))) {
      Predictions out = p.predict(frame(softmax.get("inputs")));
      assertThat(out.width()).isEqualTo(3);
      for (int r = 0; r < out.rows(); r++) {
        for (int k = 0; k < 3; k++) {
          assertThat((double) out.row(r)[k]).isCloseTo(softmax.get("outputs").get(r).get(k).asDouble(),
              org.assertj.core.data.Offset.offset(1e-6));
        }
      }
    }
  }

  @Test
  void classCountMismatchIsRefusedAtLoad(@TempDir Path dir) throws Exception {
    Path b = bundle(dir, "softmax3.onnx", 4, Task.MULTICLASS_CLASSIFICATION, List.of("a", "b", "c", "d"));
    assertThatThrownBy(() -> Predictor.load(b)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("outputs 3 values per row").hasMessageContaining("4 classes");
  }

  @Test
  void transformWidthMismatchIsRefusedAtLoad(@TempDir Path dir) throws Exception {
    Path b = bundle(dir, "mlp.onnx", 29, Task.REGRESSION, List.of());
    assertThatThrownBy(() -> Predictor.load(b)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("29").hasMessageContaining("30");
  }

  @Test
  void garbageFileNamesTheFile(@TempDir Path dir) throws Exception {
    Path b = bundle(dir, "expected.json", 30, Task.REGRESSION, List.of());
    assertThatThrownBy(() -> Predictor.load(b)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("model.onnx").hasMessageContaining("cannot load");
  }
}
