package io.prodline.serving.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.serving.protocol.BadRequestException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RawTensorsTest {
  private static ByteBuffer le(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void decodesHalfPrecisionExactly() {
    assertThat(RawTensors.halfToFloat((short) 0x3c00)).isEqualTo(1f);
    assertThat(RawTensors.halfToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(RawTensors.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
    assertThat(RawTensors.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(RawTensors.halfToFloat((short) 0x8000)).isEqualTo(-0f);
    assertThat(RawTensors.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(RawTensors.halfToFloat((short) 0x7e00)).isNaN();
  }

  @Test
  void decodesBfloat16AsTheUpperHalfOfAFloat() {
    assertThat(RawTensors.bfloat16ToFloat((short) 0x3f80)).isEqualTo(1f);
    assertThat(RawTensors.bfloat16ToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(RawTensors.bfloat16ToFloat((short) 0x3e80)).isEqualTo(0.25f);
    assertThat(RawTensors.bfloat16ToFloat((short) 0x7f7f)).isEqualTo(0x1.fep127f);
    assertThat(RawTensors.bfloat16ToFloat((short) 0x0001)).isEqualTo(0x1p-133f);
    assertThat(RawTensors.bfloat16ToFloat((short) 0x8000)).isEqualTo(-0f);
    assertThat(RawTensors.bfloat16ToFloat((short) 0xff80)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(RawTensors.bfloat16ToFloat((short) 0x7fc0)).isNaN();

    ByteBuffer raw = le(4).putShort((short) 0x3e80).putShort((short) 0xbfc0).flip();
    assertThat(((TensorData.Doubles) RawTensors.decode(raw, DataType.BF16, 2, "x")).values())
        .containsExactly(0.25, -1.5);
  }

  @Test
  void decodesUnsignedAndSignedIntegersLittleEndian() {
    ByteBuffer raw = le(4).putShort((short) -1).putShort((short) 0x0102).flip();
    assertThat(((TensorData.Longs) RawTensors.decode(raw, DataType.UINT16, 2, "x")).values())
        .containsExactly(65535, 258);
    assertThat(((TensorData.Longs) RawTensors.decode(raw, DataType.INT16, 2, "x")).values())
        .containsExactly(-1, 258);
  }

  @Test
  void readsBoolBytesZeroAndOneAndRefusesAnyOther() {
    ByteBuffer raw = le(3).put((byte) 1).put((byte) 0).put((byte) 2).flip();
    assertThatThrownBy(() -> RawTensors.decode(raw, DataType.BOOL, 3, "active"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("input 'active' raw BOOL element 2 is the byte 2; a BOOL is 0 (false) or 1 (true)");
    assertThat(((TensorData.Bools) RawTensors.decode(raw.limit(2), DataType.BOOL, 2, "active")).values())
        .containsExactly(true, false);
  }

  @Test
  void decodesLengthPrefixedBytes() {
    ByteBuffer raw = le(11).putInt(2).put("ab".getBytes()).putInt(1).put("c".getBytes()).flip();
    assertThat(((TensorData.Strings) RawTensors.decode(raw, DataType.BYTES, 2, "city")).values())
        .containsExactly("ab", "c");
  }

  /** Not turned into U+FFFD: the model would get a different string than the client sent. */
  @Test
  void refusesBytesThatAreNotUtf8() {
    ByteBuffer raw = le(15).putInt(2).put("ab".getBytes()).putInt(5).put(new byte[] {'c', (byte) 0xE2, (byte) 0x82,
        'd', 'e'}).flip();
    assertThatThrownBy(() -> RawTensors.decode(raw, DataType.BYTES, 2, "city"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("input 'city' BYTES element 1 is not UTF-8 text: byte 1 (0xE2) starts no well-formed UTF-8 "
            + "sequence; send strings as UTF-8");
  }

  @Test
  void refusesDataThatDoesNotFitTheShape() {
    assertThatThrownBy(() -> RawTensors.decode(le(12).flip().limit(12), DataType.FP32, 2, "x"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("input 'x' has 12 bytes of raw data but its shape and datatype FP32 need 8");
    ByteBuffer truncated = le(6).putInt(5).put("ab".getBytes()).flip();
    assertThatThrownBy(() -> RawTensors.decode(truncated, DataType.BYTES, 1, "city"))
        .hasMessage("input 'city' raw BYTES element 0 claims 5 bytes but only 2 are left");
    ByteBuffer one = le(5).putInt(1).put("a".getBytes()).flip();
    assertThatThrownBy(() -> RawTensors.decode(one, DataType.BYTES, 2, "city"))
        .hasMessage("input 'city' has 1 BYTES elements of raw data but its shape needs 2");
  }

  @Test
  void encodesFloatsLittleEndian() {
    assertThat(RawTensors.encode(new float[] {1f})).containsExactly(0, 0, (byte) 0x80, 0x3f);
  }

  @Test
  void everyHalfComesBackAsItsBitsAndFloatsRoundToTheNearestHalfTiesToEven() {
    for (int bits = 0; bits < 1 << 16; bits++) {
      float value = RawTensors.halfToFloat((short) bits);
      if (!Float.isNaN(value)) {
        assertThat(RawTensors.floatToHalf(value) & 0xFFFF).as("half 0x%04X", bits).isEqualTo(bits);
      }
    }
    assertThat(RawTensors.floatToHalf(1 + 0x1p-11f)).as("a tie goes to the even 1.0").isEqualTo((short) 0x3C00);
    assertThat(RawTensors.floatToHalf(1 + 3 * 0x1p-11f)).as("a tie goes to the even above").isEqualTo((short) 0x3C02);
    assertThat(RawTensors.floatToHalf(1 + 0x1p-11f + 0x1p-20f)).as("above the tie").isEqualTo((short) 0x3C01);
    assertThat(RawTensors.floatToHalf(0.1f)).isEqualTo((short) 0x2E66);
    assertThat(RawTensors.floatToHalf(65519f)).isEqualTo((short) 0x7BFF);
    assertThat(RawTensors.floatToHalf(65520f)).as("the tie above the largest half").isEqualTo((short) 0x7C00);
    assertThat(RawTensors.floatToHalf(0x1p-25f)).as("half the smallest subnormal: the even zero").isZero();
    assertThat(RawTensors.floatToHalf(0x1.8p-25f)).isEqualTo((short) 1);
    assertThat(RawTensors.floatToHalf(-0x1p-14f)).as("the smallest normal").isEqualTo((short) 0x8400);
    assertThat(RawTensors.floatToHalf(0x1.ffep-15f)).as("above the largest subnormal, rounding up to a normal")
        .isEqualTo((short) 0x0400);
  }

  @Test
  void floatsRoundToTheNearestBfloat16TiesToEven() {
    assertThat(RawTensors.floatToBfloat16(1f)).isEqualTo((short) 0x3F80);
    assertThat(RawTensors.floatToBfloat16(Float.intBitsToFloat(0x3F808000))).as("tie").isEqualTo((short) 0x3F80);
    assertThat(RawTensors.floatToBfloat16(Float.intBitsToFloat(0x3F818000))).as("tie").isEqualTo((short) 0x3F82);
    assertThat(RawTensors.floatToBfloat16(Float.intBitsToFloat(0x3F808001))).isEqualTo((short) 0x3F81);
    assertThat(RawTensors.bfloat16ToFloat(RawTensors.floatToBfloat16(Float.NaN))).isNaN();
    for (int bits = 0; bits < 1 << 16; bits++) {
      float value = RawTensors.bfloat16ToFloat((short) bits);
      if (!Float.isNaN(value)) {
        assertThat(RawTensors.floatToBfloat16(value) & 0xFFFF).isEqualTo(bits);
      }
    }
  }
}
