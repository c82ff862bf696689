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
  void decodesBfloat16AsTheUpperHalfOfAFloat() {
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
}
