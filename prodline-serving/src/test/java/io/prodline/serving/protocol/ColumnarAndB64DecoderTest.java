package io.prodline.serving.protocol;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.PredictRequestDecoder.PredictRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TF Serving's columnar {@code "inputs"} format, {@code {"b64": ...}} strings, and classify/regress examples. */
class ColumnarAndB64DecoderTest {
  private static final List<Field> INPUTS = List.of(field("age", ColumnType.FLOAT64),
      field("city", ColumnType.STRING));

  private static PredictRequest decode(String json, List<Field> inputs) {
    return PredictRequestDecoder.decodeRequest(json.getBytes(StandardCharsets.UTF_8), inputs);
  }

  private static Frame examples(String json) {
    return ExampleRequestDecoder.decode(json.getBytes(StandardCharsets.UTF_8), INPUTS);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesNamedColumns() {
    PredictRequest request = decode("{\"inputs\": {\"city\": [\"a\", null], \"age\": [1.5, 2]}}", INPUTS);
    assertThat(request.columnar()).isTrue();
    assertThat(request.frame().rowCount()).isEqualTo(2);
    assertThat(request.frame().column("age").get(1)).isEqualTo(2.0);
    assertThat(request.frame().column("city").get(0)).isEqualTo("a");
    assertThat(request.frame().column("city").isNull(1)).isTrue();
    assertThat(decode("{\"instances\": [[1, \"a\"]]}", INPUTS).columnar()).isFalse();
  }

  @Test
  void aSingleInputModelTakesAnUnnamedColumn() {
    List<Field> one = List.of(field("x", ColumnType.FLOAT64));
    assertThat(decode("{\"inputs\": [1, 2, 3]}", one).frame().rowCount()).isEqualTo(3);
    assertThatThrownBy(() -> decode("{\"inputs\": [1, 2]}", INPUTS)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("must be an object of one list per feature [age, city], got an array");
  }

  @Test
  void aSingleInputModelTakesBareValuesAsRows() {
    List<Field> one = List.of(field("city", ColumnType.STRING));
    Frame frame = decode("{\"instances\": [\"a\", {\"b64\": \"" + b64("zürich") + "\"}, null, [\"c\"], {\"city\": \"b\"}]}",
        one).frame();
    assertThat(frame.rowCount()).isEqualTo(5);
    assertThat(frame.column("city").get(0)).isEqualTo("a");
    assertThat(frame.column("city").get(1)).isEqualTo("zürich");
    assertThat(frame.column("city").isNull(2)).isTrue();
    assertThat(frame.column("city").get(3)).isEqualTo("c");
    assertThat(frame.column("city").get(4)).isEqualTo("b");
    // An input named "b64" is read by its name, as any other input is.
    assertThat(decode("{\"instances\": [{\"b64\": \"YQ==\"}]}", List.of(field("b64", ColumnType.STRING)))
        .frame().column("b64").get(0)).isEqualTo("YQ==");
    assertThatThrownBy(() -> examples("{\"examples\": [1]}")).isInstanceOf(BadRequestException.class)
        .hasMessage("example 0 must be an object naming the features [age, city], got the number 1");
  }

  @Test
  void columnsMustBeCompleteAndOfOneLength() {
    assertThatThrownBy(() -> decode("{\"inputs\": {\"age\": [1, 2], \"city\": [\"a\"]}}", INPUTS))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("\"inputs\": feature 'city' has 1 values but 'age' has 2; every feature needs one value per row");
    assertThatThrownBy(() -> decode("{\"inputs\": {\"age\": [1]}}", INPUTS))
        .hasMessageContaining("\"inputs\" is missing feature 'city'");
    assertThatThrownBy(() -> decode("{\"inputs\": {\"age\": [\"x\"], \"city\": [\"a\"]}}", INPUTS))
        .hasMessageContaining("\"inputs\" row 0: feature 'age' must be a number (float64) but got the string \"x\"");
    assertThatThrownBy(() -> decode("{\"inputs\": {\"age\": [], \"city\": []}}", INPUTS))
        .hasMessageContaining("no rows");
  }

  @Test
  void b64ValuesAreUtf8Strings() {
    Frame frame = decode("{\"instances\": [{\"age\": 1, \"city\": {\"b64\": \"" + b64("zürich") + "\"}}]}", INPUTS)
        .frame();
    assertThat(frame.column("city").get(0)).isEqualTo("zürich");
    assertThat(decode("{\"inputs\": {\"age\": [1], \"city\": [{\"b64\": \"" + b64("b") + "\"}]}}", INPUTS)
        .frame().column("city").get(0)).isEqualTo("b");
  }

  @Test
  void badB64IsAClearError() {
    assertThatThrownBy(() -> decode("{\"instances\": [[1, {\"b64\": \"***\"}]]}", INPUTS))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("instance 0: feature 'city': the \"b64\" value is not valid base64");
    String notUtf8 = Base64.getEncoder().encodeToString(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe});
    assertThatThrownBy(() -> decode("{\"instances\": [[1, {\"b64\": \"" + notUtf8 + "\"}]]}", INPUTS))
        .hasMessage("instance 0: feature 'city': the \"b64\" value is not UTF-8 text: byte 2 (0xFF) starts no "
            + "well-formed UTF-8 sequence; send strings as UTF-8");
    assertThatThrownBy(() -> decode("{\"instances\": [[{\"b64\": \"AA==\"}, \"a\"]]}", INPUTS))
        .hasMessage("instance 0: feature 'age' must be a number (float64) but got {\"b64\": ...}, which is only for "
            + "string features");
    assertThatThrownBy(() -> decode("{\"instances\": [{\"age\": 1, \"city\": {\"b64\": \"YQ==\", \"x\": 1}}]}", INPUTS))
        .hasMessage("instance 0: feature 'city': {\"b64\": ...} must hold only the \"b64\" key, but it also has \"x\"");
  }

  @Test
  void examplesMergeTheContext() {
    Frame frame = examples("{\"signature_name\": \"serving_default\", \"context\": {\"city\": \"c\"},"
        + " \"examples\": [{\"age\": 1}, {\"age\": 2}]}");
    assertThat(frame.rowCount()).isEqualTo(2);
    assertThat(frame.column("city").get(1)).isEqualTo("c");
    assertThat(frame.column("age").get(1)).isEqualTo(2.0);
  }

  @Test
  void exampleFeaturesMayBeListsOfOneValue() {
    Frame frame = examples("{\"context\": {\"city\": [{\"b64\": \"" + b64("c") + "\"}]},"
        + " \"examples\": [{\"age\": [1]}, {\"age\": [null]}]}");
    assertThat(frame.column("age").get(0)).isEqualTo(1.0);
    assertThat(frame.column("age").isNull(1)).isTrue();
    assertThat(frame.column("city").get(1)).isEqualTo("c");
    assertThatThrownBy(() -> examples("{\"examples\": [{\"age\": 1, \"city\": []}]}"))
        .isInstanceOf(BadRequestException.class).hasMessage("example 0: feature 'city' has 0 values; a feature "
            + "takes one value per example, given alone or as a list of one");
    assertThatThrownBy(() -> examples("{\"context\": {\"city\": [\"a\", \"b\"]}, \"examples\": [{\"age\": 1}]}"))
        .hasMessage("\"context\": feature 'city' has 2 values; a feature takes one value per example, given alone "
            + "or as a list of one");
    assertThatThrownBy(() -> examples("{\"examples\": [{\"age\": [[1]], \"city\": \"a\"}]}"))
        .hasMessage("example 0: feature 'age' must be a number (float64) but got an array");
  }

  @Test
  void whatTheModelDoesNotReadIsReadPastAsInTfServing() {
    PredictRequest columns = decode("{\"inputs\": {\"age\": [1], \"zip\": [[9, 9]], \"city\": [\"a\"]}, "
        + "\"parameters\": {\"top_k\": 3}, \"id\": \"r1\"}", INPUTS);
    assertThat(columns.frame().toString())
        .isEqualTo(decode("{\"inputs\": {\"age\": [1], \"city\": [\"a\"]}}", INPUTS).frame().toString());
    assertThat(columns.frame().column("age").get(0)).isEqualTo(1.0);
    Frame labelled = examples("{\"examples\": [{\"age\": 1, \"label\": [\"yes\"], \"city\": \"a\", \"id\": 7}], "
        + "\"instances\": [[1]]}");
    assertThat(labelled.names()).containsExactly("age", "city");
    assertThat(labelled.column("age").get(0)).isEqualTo(1.0);
    assertThat(labelled.column("city").get(0)).isEqualTo("a");
    // An instance's keys must all be inputs, as TF Serving's "does not have named input" says.
    assertThatThrownBy(() -> decode("{\"instances\": [{\"age\": 1, \"city\": \"a\", \"zip\": 1}]}", INPUTS))
        .hasMessage("instance 0 has unknown feature 'zip'; the model takes [age, city]");
  }

  @Test
  void anExampleValueWinsOverTheContextsAsInTfServing() {
    Frame frame = examples("{\"examples\": [{\"age\": 1, \"city\": \"a\"}, {\"age\": 2}], "
        + "\"context\": {\"city\": \"b\"}}");
    assertThat(frame.column("city").get(0)).isEqualTo("a");
    assertThat(frame.column("city").get(1)).isEqualTo("b");
  }

  @Test
  void badExamplesAreClearErrors() {
    assertThatThrownBy(() -> examples("{\"instances\": [[1, \"a\"]]}")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("needs \"examples\"");
    assertThatThrownBy(() -> examples("{\"examples\": []}")).hasMessageContaining("needs \"examples\"");
    assertThatThrownBy(() -> examples("{\"examples\": [{\"age\": 1}]}"))
        .hasMessageContaining("example 0 is missing feature 'city'");
    assertThatThrownBy(() -> examples("{\"examples\": [{\"age\": 1, \"city\": \"a\"}], \"signature_name\": \"x\"}"))
        .hasMessage("unknown signature_name \"x\"; this model has \"serving_default\"");
  }
}
