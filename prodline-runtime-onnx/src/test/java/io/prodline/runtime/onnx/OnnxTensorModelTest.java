package io.prodline.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ModelRunException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.tensor.Tensor;
import io.prodline.core.tensor.TensorModel;
import io.prodline.core.tensor.TensorModels;
import io.prodline.core.tensor.TensorSpec;
import io.prodline.core.tensor.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tensors.onnx (make_mlp.py): six inputs and outputs of six types and three ranks, run tensor for tensor; the
 * expected values follow from the graph's arithmetic, not from ONNX Runtime.
 */
class OnnxTensorModelTest {
  private static final Path FIXTURES = OnnxRuntimeProviderTest.FIXTURES;

  static Path version(Path dir, String fixture) throws Exception {
    Path version = Files.createDirectories(dir.resolve("m/1"));
    Files.copy(FIXTURES.resolve(fixture), version.resolve("model.onnx"));
    return version;
  }

  @Test
  void theSignatureIsTheGraphsOwn(@TempDir Path dir) throws Exception {
    try (TensorModel model = TensorModels.load(version(dir, "tensors.onnx"))) {
      assertThat(model.inputs()).containsExactly(
          new TensorSpec("a", TensorType.FLOAT32, new long[] {-1, 4}),
          new TensorSpec("b", TensorType.INT64, new long[] {-1, 4}),
          new TensorSpec("flag", TensorType.BOOL, new long[] {-1}),
          new TensorSpec("text", TensorType.STRING, new long[] {-1}),
          new TensorSpec("h", TensorType.FLOAT16, new long[] {-1, 2}),
          new TensorSpec("img", TensorType.FLOAT32, new long[] {-1, 2, 2}));
      assertThat(model.outputs()).extracting(TensorSpec::name)
          .containsExactly("sum", "argmax", "not_flag", "text_out", "half_doubled", "img_sum");
      assertThat(model.outputs().get(1)).isEqualTo(new TensorSpec("argmax", TensorType.INT64, new long[] {-1}));
    }
  }

  @Test
  void everyTypeGoesInAndComesOutAsTheGraphComputesIt(@TempDir Path dir) throws Exception {
    try (TensorModel model = TensorModels.load(version(dir, "tensors.onnx"))) {
      Map<String, Tensor> inputs = Map.of(
          "a", floats(new long[] {2, 4}, 1, 2, 3, 4, 0.5f, 0.25f, 0, -1),
          "b", Tensor.of(TensorType.INT64, new long[] {2, 4}, le(8 * 8).putLong(0).putLong(0).putLong(-10).putLong(0)
              .putLong(7).putLong(0).putLong(0).putLong(0).flip()),
          "flag", Tensor.of(TensorType.BOOL, new long[] {2}, le(2).put((byte) 1).put((byte) 0).flip()),
          "text", Tensor.ofStrings(new long[] {2}, new String[] {"zürich", ""}),
          // float16 1.5 is 0x3E00, -0.25 is 0xB400, 65504 (the largest half) 0x7BFF, 2^-24 (the smallest) 0x0001
          "h", Tensor.of(TensorType.FLOAT16, new long[] {2, 2}, le(8).putShort((short) 0x3E00)
              .putShort((short) 0xB400).putShort((short) 0x7BFF).putShort((short) 0x0001).flip()),
          "img", floats(new long[] {2, 2, 2}, 1, 2, 3, 4, 10, 20, 30, 40));
      List<Tensor> out = model.run(inputs, List.of("img_sum", "argmax", "sum", "not_flag", "text_out",
          "half_doubled"));
      assertThat(floatsOf(out.get(0))).containsExactly(10f, 100f);
      assertThat(out.get(0).shape()).containsExactly(2);
      assertThat(out.get(1).type()).isEqualTo(TensorType.INT64);
      assertThat(out.get(1).raw().getLong(0)).isEqualTo(3); // 1, 2, -7, 4
      assertThat(out.get(1).raw().getLong(8)).isEqualTo(0); // 7.5, 0.25, 0, -1
      assertThat(floatsOf(out.get(2))).containsExactly(1, 2, -7, 4, 7.5f, 0.25f, 0, -1);
      assertThat(out.get(2).shape()).containsExactly(2, 4);
      assertThat(out.get(3).type()).isEqualTo(TensorType.BOOL);
      assertThat(out.get(3).raw().get(0)).isEqualTo((byte) 0);
      assertThat(out.get(3).raw().get(1)).isEqualTo((byte) 1);
      assertThat(out.get(4).strings()).containsExactly("zürich", "");
      assertThat(floatsOf(out.get(5))).containsExactly(3f, -0.5f, 131008f, 2 * 0x1p-24f);
    }
  }

  @Test
  void aRunTheRuntimeRefusesIsAModelRunExceptionWithItsWords(@TempDir Path dir) throws Exception {
    try (TensorModel model = TensorModels.load(version(dir, "tensors.onnx"))) {
      // Rows that disagree between inputs: the graph's Add cannot broadcast 2 rows against 3.
      Map<String, Tensor> inputs = Map.of(
          "a", floats(new long[] {2, 4}, new float[8]),
          "b", Tensor.of(TensorType.INT64, new long[] {3, 4}, le(3 * 4 * 8).position(3 * 4 * 8).flip()),
          "flag", Tensor.of(TensorType.BOOL, new long[] {1}, le(1).put((byte) 0).flip()),
          "text", Tensor.ofStrings(new long[] {1}, new String[] {"x"}),
          "h", Tensor.of(TensorType.FLOAT16, new long[] {1, 2}, le(4).position(4).flip()),
          "img", floats(new long[] {1, 2, 2}, new float[4]));
      assertThatThrownBy(() -> model.run(inputs, List.of("sum"))).isInstanceOf(ModelRunException.class)
          .hasMessageStartingWith("ONNX Runtime failed to run the model: ");
    }
  }

  @Test
  void aFileThatIsNoGraphNamesTheFile(@TempDir Path dir) throws Exception {
    Path version = Files.createDirectories(dir.resolve("m/1"));
    Files.writeString(version.resolve("model.onnx"), "not onnx");
    assertThatThrownBy(() -> TensorModels.load(version)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("model.onnx: ONNX Runtime cannot load this model");
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static Tensor floats(long[] shape, float... values) {
    ByteBuffer raw = le(values.length * 4);
    for (float v : values) {
      raw.putFloat(v);
    }
    return Tensor.of(TensorType.FLOAT32, shape, raw.flip());
  }

  private static float[] floatsOf(Tensor tensor) {
    assertThat(tensor.type()).isEqualTo(TensorType.FLOAT32);
    ByteBuffer raw = tensor.raw();
    float[] values = new float[raw.remaining() / 4];
    raw.asFloatBuffer().get(values);
    return values;
  }
}
