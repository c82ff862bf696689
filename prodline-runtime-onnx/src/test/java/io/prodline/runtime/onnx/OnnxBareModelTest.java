package io.prodline.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.bundle.NotTabularException;
import io.prodline.core.bundle.Task;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bare {@code model.onnx} in a version directory, with no bundle.yaml, loads and predicts as numpy computed. */
class OnnxBareModelTest {
  static Path bare(Path dir, String fixture) throws Exception {
    Path version = Files.createDirectories(dir.resolve("scorer/7"));
    Files.copy(OnnxRuntimeProviderTest.FIXTURES.resolve(fixture), version.resolve("model.onnx"));
    return version;
  }

  /** The fixture rows as a frame whose columns carry the bare model's input names. */
  static Frame frame(JsonNode rows, List<String> names) {
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      double[] values = new double[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        values[r] = rows.get(r).get(c).asDouble();
      }
      columns.add(Float64Column.of(values));
    }
    return Frame.of(names, columns);
  }

  @Test
  void bareMlpIsARegressionNamedAfterItsInput(@TempDir Path dir) throws Exception {
    Bundle bundle = BundleReader.read(bare(dir, "mlp.onnx"));
    assertThat(bundle.manifest().runtime()).isEqualTo("onnx");
    assertThat(bundle.manifest().name()).isEqualTo("scorer");
    assertThat(bundle.manifest().version()).isEqualTo(7);
    assertThat(bundle.manifest().task()).isEqualTo(Task.REGRESSION);
    assertThat(bundle.manifest().inputs()).hasSize(30).first().extracting(Field::name).isEqualTo("features_0");
    assertThat(bundle.tensors()).isEqualTo(new TensorNames("features", "score", true));
    JsonNode mlp = OnnxRuntimeProviderTest.EXPECTED.get("mlp");
    try (Predictor p = Predictor.of(bundle)) {
      List<String> names = bundle.manifest().inputs().stream().map(Field::name).toList();
      Predictions out = p.predict(frame(mlp.get("inputs"), names));
      for (int r = 0; r < out.rows(); r++) {
        assertThat((double) out.value(r)).isCloseTo(mlp.get("outputs").get(r).asDouble(), Offset.offset(1e-5));
      }
    }
  }

  @Test
  void bareSoftmaxIsMulticlassWithIndexClasses(@TempDir Path dir) throws Exception {
    try (Predictor p = Predictor.load(bare(dir, "softmax3.onnx"))) {
      assertPredictsSoftmax3(p);
    }
  }

  @Test
  void aGraphWithAFixedBatchServesAnyNumberOfRows(@TempDir Path dir) throws Exception {
    // fixed2.onnx takes exactly two rows a run; 1 and 3 rows need a filler row, 4 rows two runs.
    try (Predictor p = Predictor.load(bare(dir, "fixed2.onnx"))) {
      for (int rows = 1; rows <= 4; rows++) {
        assertPredictsSoftmax3(p, rows);
      }
    }
  }

  @Test
  void anOutputWithNoRowPerInputRowIsRefused(@TempDir Path dir) throws Exception {
    Path version = bare(dir, "rowsum.onnx");
    assertThatThrownBy(() -> BundleReader.read(version)).isInstanceOf(ProdlineException.class)
        .hasMessageEndingWith("model.onnx: output 'y' has 1 rows whatever the rows of input 'x'; prodline serves one"
            + " output row per input row, so the output's first dimension must be the input's");
  }

  @Test
  void aGraphOfSeveralInputsIsNotTabularSoTheServerCanServeItAsTensors(@TempDir Path dir) throws Exception {
    Path version = bare(dir, "tensors.onnx");
    assertThatThrownBy(() -> BundleReader.read(version)).isInstanceOf(NotTabularException.class)
        .hasMessageContaining("the model has 6 inputs [a, b, flag, text, h, img]");
  }

  @Test
  void anInputOfAnotherTypeIsRefusedNamingItsTypeAndShape(@TempDir Path dir) throws Exception {
    Path version = bare(dir, "int64in.onnx");
    assertThatThrownBy(() -> BundleReader.read(version)).isInstanceOf(NotTabularException.class)
        .hasMessageEndingWith("model.onnx: input 'x' is an int64 tensor [-1, 4]; prodline feeds the model one float32"
            + " tensor [N, d] of features, so export it with a float32 input (a Cast node in the graph can turn it"
            + " into the type the model computes in)");
  }

  private static void assertPredictsSoftmax3(Predictor p) {
    assertPredictsSoftmax3(p, OnnxRuntimeProviderTest.EXPECTED.get("softmax3").get("inputs").size());
  }

  /** A 3-class classifier of inputs x_0 .. x_3 that predicts the softmax3 fixture's probabilities of its first rows. */
  private static void assertPredictsSoftmax3(Predictor p, int rows) {
    JsonNode softmax = OnnxRuntimeProviderTest.EXPECTED.get("softmax3");
    assertThat(p.bundle().manifest().task()).isEqualTo(Task.MULTICLASS_CLASSIFICATION);
    assertThat(p.bundle().manifest().classes()).containsExactly("0", "1", "2");
    assertThat(p.bundle().transform().inputs()).containsExactly("x_0", "x_1", "x_2", "x_3");
    ArrayNode firstRows = JsonNodeFactory.instance.arrayNode();
    for (int r = 0; r < rows; r++) {
      firstRows.add(softmax.get("inputs").get(r));
    }
    Predictions out = p.predict(frame(firstRows, List.of("x_0", "x_1", "x_2", "x_3")));
    assertThat(out.rows()).isEqualTo(rows);
    for (int r = 0; r < out.rows(); r++) {
      for (int k = 0; k < 3; k++) {
        assertThat((double) out.row(r)[k]).isCloseTo(softmax.get("outputs").get(r).get(k).asDouble(),
            Offset.offset(1e-6));
      }
    }
  }

  @Test
  void aClassifierExportedWithItsLabelFirstServesItsProbabilities(@TempDir Path dir) throws Exception {
    try (Predictor p = Predictor.load(bare(dir, "labelled3.onnx"))) {
      assertThat(p.bundle().tensors()).isEqualTo(new TensorNames("x", "probabilities", false));
      assertPredictsSoftmax3(p);
    }
  }

  @Test
  void aModelWithNoFloatOutputIsRefusedWithTheWayToExportIt(@TempDir Path dir) throws Exception {
    Path version = bare(dir, "labelonly.onnx");
    assertThatThrownBy(() -> BundleReader.read(version)).isInstanceOf(ProdlineException.class)
        .hasMessageEndingWith("model.onnx: no output is a float32 tensor (the outputs are [label]); prodline serves"
            + " a float32 output [N], [N, 1] or [N, k], so export classifiers without ZipMap (e.g. skl2onnx options"
            + " zipmap=False)");
  }

  @Test
  void anUnreadableBareFileNamesTheFile(@TempDir Path dir) throws Exception {
    Path version = Files.createDirectories(dir.resolve("m/1"));
    Files.writeString(version.resolve("model.onnx"), "not onnx");
    assertThatThrownBy(() -> BundleReader.read(version)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("model.onnx").hasMessageContaining("cannot load");
  }

  @Test
  void twoBareFilesAreAmbiguous(@TempDir Path dir) throws Exception {
    Path version = bare(dir, "mlp.onnx");
    Files.writeString(version.resolve("model.json"), "{}");
    assertThatThrownBy(() -> BundleReader.read(version)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("several model files").hasMessageContaining("model.json")
        .hasMessageContaining("model.onnx");
  }
}
