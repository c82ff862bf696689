package io.prodline.serving.protocol.v2;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferRequestDecoderTest {
  private static InferenceRequest decode(String json) {
    return InferRequestDecoder.decode(json.getBytes(StandardCharsets.UTF_8), -1);
  }

  private static String tensor(String datatype, String data) {
    return "{\"inputs\": [{\"name\": \"n\", \"shape\": [1], \"datatype\": \"" + datatype + "\", \"data\": " + data
        + "}]}";
  }

  @Test
  void readsUint64AboveTheLongRangeIntoAFloatFeatureButNotAnIntFeature() {
    InferenceRequest request = decode(tensor("UINT64", "[18446744073709551615]"));
    Frame frame = FrameAssembler.assemble(request.inputs(), List.of(field("n", ColumnType.FLOAT64)), null,
        NonFiniteInputs.REFUSED);
    assertThat(frame.column(0).getDouble(0)).isEqualTo(0x1p64);
    assertThatThrownBy(() -> FrameAssembler.assemble(request.inputs(), List.of(field("n", ColumnType.INT64)), null,
        NonFiniteInputs.REFUSED))
        .hasMessage("input 'n' element 0 is 18446744073709551615, beyond the int64 range of the feature");
  }

  @Test
  void refusesNaNAndInfinitiesForAFloatFeatureUnlessAllowed() {
    List<Field> inputs = List.of(field("n", ColumnType.FLOAT64));
    InferenceRequest overflow = decode(tensor("FP64", "[1e400]"));
    assertThatThrownBy(() -> FrameAssembler.assemble(overflow.inputs(), inputs, null, NonFiniteInputs.REFUSED))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("input 'n' element 0 is Infinity, which this server does not accept; send a finite number");
    InferenceRequest nan = decode(tensor("FP32", "[NaN]"));
    assertThatThrownBy(() -> FrameAssembler.assemble(nan.inputs(), inputs, null, NonFiniteInputs.REFUSED))
        .hasMessage("input 'n' element 0 is NaN, which this server does not accept; send a finite number");

    assertThat(FrameAssembler.assemble(nan.inputs(), inputs, null, NonFiniteInputs.ALLOWED).column(0).getDouble(0))
        .isNaN();
    assertThat(FrameAssembler.assemble(overflow.inputs(), inputs, null, NonFiniteInputs.ALLOWED).column(0)
        .getDouble(0)).isEqualTo(Double.POSITIVE_INFINITY);
    NonFiniteInputs missingOnly = NonFiniteInputs.NAN_ONLY;
    assertThat(FrameAssembler.assemble(nan.inputs(), inputs, null, missingOnly).column(0).getDouble(0)).isNaN();
    assertThatThrownBy(() -> FrameAssembler.assemble(overflow.inputs(), inputs, null, missingOnly))
        .hasMessage("input 'n' element 0 is Infinity, which this server does not accept; send a finite number");
  }

  @Test
  void refusesAShapeItsDataCannotFillBeforeAllocatingIt() {
    assertThatThrownBy(() -> decode("{\"inputs\": [{\"data\": [], \"name\": \"n\", \"datatype\": \"FP64\", "
        + "\"shape\": [2000000000]}]}"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("input 'n' has shape [2000000000], more elements than the at most 2 bytes of its \"data\" can "
            + "hold; send as many elements as its shape says");
    TensorData filled = decode("{\"inputs\": [{\"data\": [1,2], \"name\": \"n\", \"datatype\": \"FP64\", "
        + "\"shape\": [2]}]}").inputs().get(0).data();
    assertThat(((TensorData.Doubles) filled).values()).containsExactly(1, 2);
  }

  @Test
  void refusesFloatsOutsideTheirDatatypesRange() {
    assertThatThrownBy(() -> decode(tensor("FP32", "[1e39]")))
        .hasMessage("input 'n' element 0 is 1.0E39, outside the FP32 range [-3.4028235E38, 3.4028235E38]");
    assertThatThrownBy(() -> decode(tensor("FP16", "[-70000]")))
        .hasMessage("input 'n' element 0 is -70000, outside the FP16 range [-65504, 65504]");
    // bfloat16 has a float's exponent but 8 bits of precision: its largest finite value is 0x1.fep127.
    assertThatThrownBy(() -> decode(tensor("BF16", "[3.4e38]")))
        .hasMessage("input 'n' element 0 is 3.4E38, outside the BF16 range [-3.3895314E38, 3.3895314E38]");
    assertThat(((TensorData.Doubles) decode(tensor("BF16", "[-3.38e38]")).inputs().get(0).data()).values())
        .containsExactly((float) -3.38e38);
    assertThat(((TensorData.Doubles) decode(tensor("FP32", "[3e38]")).inputs().get(0).data()).values())
        .containsExactly((float) 3e38);
  }

  @Test
  void checksElementsAgainstTheirDatatype() {
    assertThatThrownBy(() -> decode(tensor("UINT8", "[-1]")))
        .hasMessage("input 'n' element 0 is -1, outside the UINT8 range [0, 255]");
    assertThatThrownBy(() -> decode(tensor("INT32", "[1.5]")))
        .hasMessage("input 'n' element 0 must be an integer (INT32) but is 1.5");
    assertThatThrownBy(() -> decode(tensor("BOOL", "[1]")))
        .hasMessage("input 'n' element 0 must be true or false (BOOL) but is 1");
    assertThat(((TensorData.Longs) decode(tensor("INT64", "[3.0]")).inputs().get(0).data()).values())
        .containsExactly(3);
  }

  @Test
  void takesDataFlatOrNestedExactlyAsTheShapeSays() {
    String flat = "{\"inputs\": [{\"name\": \"n\", \"shape\": [2, 1], \"datatype\": \"INT64\", \"data\": [1, 2]}]}";
    assertThat(((TensorData.Longs) decode(flat).inputs().get(0).data()).values()).containsExactly(1, 2);
    assertThat(((TensorData.Longs) decode(flat.replace("[1, 2]", "[[1], [2]]")).inputs().get(0).data()).values())
        .containsExactly(1, 2);
    String unlike = "input 'n' has \"data\" nested unlike its shape [2, 1]; send the elements as one flat list, or "
        + "nested with one list per dimension";
    for (String data : List.of("[[1, 2]]", "[[1], 2]", "[1, [2]]", "[[[1]], [[2]]]", "[[1], [2], [3]]")) {
      assertThatThrownBy(() -> decode(flat.replace("[1, 2]", data))).as(data).hasMessage(unlike);
    }
    assertThatThrownBy(() -> decode(flat.replace("[1, 2]", "[1, 2, 3]")))
        .hasMessage("input 'n' has more elements in \"data\" than its shape's 2");
  }

  @Test
  void refusesBinaryDataNoInputClaims() {
    byte[] json = tensor("FP32", "[1]").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[json.length + 4];
    System.arraycopy(json, 0, body, 0, json.length);
    assertThatThrownBy(() -> InferRequestDecoder.decode(body, json.length)).isInstanceOf(BadRequestException.class)
        .hasMessage("4 bytes of binary data after the JSON are not claimed by any input's binary_data_size");
    assertThatThrownBy(() -> InferRequestDecoder.decode(body, body.length + 1))
        .hasMessageStartingWith("Inference-Header-Content-Length is " + (body.length + 1));
  }

  /** The protocol's scalar shape [] holds one element, which for a per-feature input is one row. */
  @Test
  void takesTheScalarShapeAsOneRow() {
    String scalar = "{\"inputs\": [{\"name\": \"n\", \"shape\": [], \"datatype\": \"FP64\", \"data\": %s}]}";
    InferenceRequest request = decode(scalar.formatted("[2.5]"));
    Frame frame = FrameAssembler.assemble(request.inputs(), List.of(field("n", ColumnType.FLOAT64)), null,
        NonFiniteInputs.REFUSED);
    assertThat(frame.rowCount()).isEqualTo(1);
    assertThat(frame.column(0).getDouble(0)).isEqualTo(2.5);

    assertThatThrownBy(() -> decode(scalar.formatted("[2.5, 3]")))
        .hasMessage("input 'n' has more elements in \"data\" than its shape's 1");
    assertThatThrownBy(() -> decode(scalar.formatted("[[2.5]]")))
        .hasMessage("input 'n' has \"data\" nested unlike its shape []; send the elements as one flat list, or "
            + "nested with one list per dimension");
  }

  @Test
  void refusesShapesTooLargeToAllocate() {
    assertThatThrownBy(() -> decode("{\"inputs\": [{\"name\": \"n\", \"shape\": [4294967296], \"datatype\": "
        + "\"FP32\", \"data\": [1]}]}")).hasMessageContaining("more elements than one request can hold");
  }

  /** "data" before the fields it needs is read once the input has ended, with the same checks. */
  @Test
  void readsTheFieldsOfAnInputInAnyOrder() {
    InferenceRequest request = decode("{\"outputs\": [{\"parameters\": {\"binary_data\": true}, \"name\": "
        + "\"predictions\"}], \"inputs\": [{\"data\": [[1, 2, 3], [4, 5, 6]], \"datatype\": \"INT32\", "
        + "\"shape\": [2, 3], \"name\": \"m\"}, {\"data\": [\"a\", \"b\\\"]\"], \"name\": \"s\", "
        + "\"shape\": [2], \"datatype\": \"BYTES\"}], \"id\": \"r1\"}");
    assertThat(request.id()).isEqualTo("r1");
    assertThat(((TensorData.Longs) request.inputs().get(0).data()).values()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(request.inputs().get(0).shape()).containsExactly(2, 3);
    assertThat(((TensorData.Strings) request.inputs().get(1).data()).values()).containsExactly("a", "b\"]");
    assertThat(request.outputs()).containsExactly(new RequestedOutput("predictions", true, 0));

    assertThatThrownBy(() -> decode("{\"inputs\": [{\"data\": [1, 300], \"name\": \"n\", \"shape\": [2], "
        + "\"datatype\": \"UINT8\"}]}")).hasMessage("input 'n' element 1 is 300, outside the UINT8 range [0, 255]");
    assertThatThrownBy(() -> decode("{\"inputs\": [{\"data\": \"1\", \"name\": \"n\", \"shape\": [1], "
        + "\"datatype\": \"FP32\"}]}")).hasMessage("\"data\" of input 'n' must be a list of elements");
    assertThatThrownBy(() -> decode("{\"inputs\": [{\"data\": [1], \"shape\": [1], \"datatype\": \"FP32\"}]}"))
        .hasMessage("an input needs a \"name\"");
  }

  @Test
  void namesWhatIsWrongWithAShapeAsTheClientWroteIt() {
    assertThatThrownBy(() -> decode("{\"inputs\": [{\"name\": \"n\", \"shape\": [2, \"x\", [3]], "
        + "\"datatype\": \"FP32\", \"data\": [1, 2]}]}"))
        .hasMessage("input 'n' shape [2,\"x\",[3]] must hold integers");
    assertThatThrownBy(() -> decode("{\"inputs\": [{\"name\": \"n\", \"shape\": 2, \"datatype\": \"FP32\", "
        + "\"data\": [1, 2]}]}")).hasMessage("input 'n' needs \"shape\", a list of dimensions such as [2]");
  }

  /** The whole body is JSON or it is malformed JSON, whatever an earlier part of it got wrong. */
  @Test
  void malformedJsonIsReportedOverWhatCameBeforeIt() {
    String wrongType = "{\"inputs\": [{\"name\": \"n\", \"shape\": [1], \"datatype\": \"BOOL\", \"data\": [1]}]";
    assertThatThrownBy(() -> decode(wrongType + "}"))
        .hasMessage("input 'n' element 0 must be true or false (BOOL) but is 1");
    assertThatThrownBy(() -> decode(wrongType + ", \"id\": x}"))
        .hasMessage("malformed JSON at line 1, column 82: unexpected 'x'");
    assertThatThrownBy(() -> decode(wrongType + "} []"))
        .hasMessageStartingWith("malformed JSON at line 1, column 76: the body goes on after its JSON value ends");
    assertThatThrownBy(() -> decode("{\"inputs\": [{\"name\": \"n\", \"name\": \"m\"}]}"))
        .hasMessage("malformed JSON at line 1, column 33: key 'name' appears twice in the same object");
  }
}
