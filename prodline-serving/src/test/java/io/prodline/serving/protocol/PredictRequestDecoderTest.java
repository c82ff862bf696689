package io.prodline.serving.protocol;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictRequestDecoderTest {
  private static final List<Field> INPUTS = List.of(field("age", ColumnType.FLOAT64),
      field("rooms", ColumnType.INT64), field("city", ColumnType.STRING), field("new", ColumnType.BOOL));

  private static Frame decode(String json) {
    return PredictRequestDecoder.decode(json.getBytes(StandardCharsets.UTF_8), INPUTS);
  }

  private static void assertBadRequest(String json, String... fragments) {
    assertThatThrownBy(() -> decode(json)).isInstanceOf(BadRequestException.class).message().contains(fragments);
  }

  @Test
  void decodesObjectInstancesIntoTypedColumnsInInputOrder() {
    Frame frame = decode("""
        {"instances": [{"city": "b", "rooms": 3, "age": 1.5, "new": true},
                       {"age": 2, "rooms": 4.0, "city": "c", "new": false}]}""");
    assertThat(frame.names()).containsExactly("age", "rooms", "city", "new");
    assertThat(frame.rowCount()).isEqualTo(2);
    assertThat(frame.column("age").type()).isEqualTo(ColumnType.FLOAT64);
    assertThat(frame.column("age").get(0)).isEqualTo(1.5);
    assertThat(frame.column("age").get(1)).isEqualTo(2.0);
    assertThat(frame.column("rooms").get(1)).isEqualTo(4L);
    assertThat(frame.column("city").get(0)).isEqualTo("b");
    assertThat(frame.column("new").get(0)).isEqualTo(true);
  }

  @Test
  void decodesPositionalInstancesInManifestOrder() {
    Frame frame = decode("{\"instances\": [[1.5, 3, \"b\", true]], \"signature_name\": \"serving_default\"}");
    assertThat(frame.column("age").get(0)).isEqualTo(1.5);
    assertThat(frame.column("rooms").get(0)).isEqualTo(3L);
    assertThat(frame.column("city").get(0)).isEqualTo("b");
    assertThat(frame.column("new").get(0)).isEqualTo(true);
  }

  @Test
  void explicitNullIsAMissingValue() {
    Frame frame = decode("{\"instances\": [{\"age\": null, \"rooms\": null, \"city\": null, \"new\": null},"
        + " [null, 1, null, false]]}");
    assertThat(frame.column("age").isNull(0)).isTrue();
    assertThat(frame.column("rooms").isNull(0)).isTrue();
    assertThat(frame.column("city").isNull(1)).isTrue();
    assertThat(frame.column("new").isNull(0)).isTrue();
    assertThat(frame.column("rooms").get(1)).isEqualTo(1L);
  }

  @Test
  void rejectsAbsentFeatureNamingItAndTheInstance() {
    assertBadRequest("{\"instances\": [[1, 2, \"a\", true], {\"age\": 1, \"rooms\": 2, \"new\": true}]}",
        "instance 1", "missing feature 'city'");
  }

  @Test
  void rejectsUnknownFeature() {
    assertBadRequest("{\"instances\": [{\"age\": 1, \"rooms\": 2, \"city\": \"a\", \"new\": true, \"agee\": 1}]}",
        "instance 0", "unknown feature 'agee'", "[age, rooms, city, new]");
  }

  @Test
  void rejectsWrongTypesNamingFeatureInstanceExpectedAndGot() {
    assertBadRequest("{\"instances\": [[\"old\", 2, \"a\", true]]}",
        "instance 0", "feature 'age'", "a number (float64)", "the string \"old\"");
    assertBadRequest("{\"instances\": [[1, 2.5, \"a\", true]]}", "feature 'rooms'", "an integer (int64)",
        "the number 2.5");
    assertBadRequest("{\"instances\": [[1, 2, 7, true]]}", "feature 'city'", "a string", "the number 7");
    assertBadRequest("{\"instances\": [[1, 2, \"a\", 1]]}", "feature 'new'", "true or false (bool)");
    assertBadRequest("{\"instances\": [[1, 99999999999999999999, \"a\", true]]}", "feature 'rooms'");
    assertBadRequest("{\"instances\": [[[1], 2, \"a\", true]]}", "feature 'age'", "an array");
  }

  @Test
  void rejectsPositionalInstanceOfWrongLength() {
    assertBadRequest("{\"instances\": [[1, 2, \"a\"]]}", "instance 0 has 3 values", "takes 4",
        "[age, rooms, city, new]");
  }

  @Test
  void rejectsABareValueAsTheRowOfAModelWithSeveralInputs() {
    assertRefused("{\"instances\": [[1, 2, \"a\", true], \"a\"]}", "instance 1 is the string \"a\", but a row must be "
        + "a list of the 4 values in the order [age, rooms, city, new] or an object naming them; only a model with "
        + "one input takes bare values as rows");
  }

  @Test
  void rejectsMalformedJsonSayingWhereAndWhatInPlainWords() {
    assertRefused("{\"instances\": [1, }", "malformed JSON at line 1, column 19: unexpected '}'");
    assertRefused("{\"instances\": []} trailing", "malformed JSON at line 1, column 19: unexpected 'trailing'");
    assertRefused("{\"instances\": [[1, 2, \"a\", true]]} 2", "malformed JSON at line 1, column 36: the body goes "
        + "on after its JSON value ends; send one JSON value");
    assertRefused("{\"instances\": [], \"instances\": []}",
        "malformed JSON at line 1, column 30: key 'instances' appears twice in the same object");
    assertRefused("{\"instances\":[[1", "malformed JSON at line 1, column 17: the body ends before the array that "
        + "opens at line 1, column 15 is closed");
    assertRefused("{\"instances\":\n  [[1, 2],\n   [3", "malformed JSON at line 3, column 6: the body ends before "
        + "the array that opens at line 3, column 4 is closed");
    assertRefused("{\"instances\": [[\"b", "malformed JSON at line 1, column 19: the body ends inside a string");
    assertRefused("{instances: []}", "malformed JSON at line 1, column 2: unexpected 'instances'");
    assertRefused("{\"instances\": [[\"a\nb\"]]}", "malformed JSON at line 1, column 19: unexpected line break");
    assertRefused("{\"instances\": [[\u00e9]]}", "malformed JSON at line 1, column 18: unexpected '\u00e9'");
  }

  private static void assertRefused(String json, String message) {
    assertThatThrownBy(() -> decode(json)).isInstanceOf(BadRequestException.class).hasMessage(message);
  }

  @Test
  void rejectsBadEnvelopes() {
    assertBadRequest("", "body is empty");
    assertBadRequest("[1, 2]", "must be a JSON object");
    assertBadRequest("{}", "no \"instances\"");
    assertBadRequest("{\"instances\": []}", "\"instances\" is empty");
    assertBadRequest("{\"instances\": {\"age\": 1}}", "must be a list of rows");
    assertBadRequest("{\"inputs\": {\"age\": [1]}, \"instances\": [[1, 2, \"a\", true]]}",
        "both \"instances\" and \"inputs\"");
    // A field TF Serving does not read is read past there too, whatever its value.
    assertThat(decode("{\"instances\": [[1, 2, \"a\", true]], \"extra\": {\"x\": [1, {}]}}").rowCount()).isEqualTo(1);
  }

  @Test
  void takesOnlyTheModelsSignatureOrTheEmptyNameThatMeansIt() {
    assertRefused("{\"instances\": [[1, 2, \"a\", true]], \"signature_name\": \"foo\"}",
        "unknown signature_name \"foo\"; this model has \"serving_default\"");
    assertRefused("{\"instances\": [[1, 2, \"a\", true]], \"signature_name\": 3}",
        "signature_name must be a string; this model has \"serving_default\"");
    assertThat(decode("{\"instances\": [[1, 2, \"a\", true]], \"signature_name\": \"\"}").rowCount()).isEqualTo(1);
  }
}
