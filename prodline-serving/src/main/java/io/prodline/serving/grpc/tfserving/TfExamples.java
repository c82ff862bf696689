package io.prodline.serving.grpc.tfserving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.serving.grpc.tfserving.proto.Example;
import io.prodline.serving.grpc.tfserving.proto.ExampleListWithContext;
import io.prodline.serving.grpc.tfserving.proto.Feature;
import io.prodline.serving.grpc.tfserving.proto.Input;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.ExampleRequestDecoder;
import io.prodline.serving.protocol.PredictRequestDecoder.Options;
import io.prodline.serving.protocol.Utf8Text;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code tf.Example}s of a {@code Classify} or {@code Regress} request as REST reads a {@code :classify}
 * body: each feature becomes the JSON value it would have in {@code {"examples": [...]}}, and
 * {@link ExampleRequestDecoder#decodeExamples} checks and decodes them, so both protocols take the same values and
 * refuse the same mistakes (an unknown or missing feature, a wrong type, a list of other than one value, a context
 * feature repeated) with the same messages. A feature's list becomes a list of:
 * <ul>
 *   <li>{@code bytes_list}: strings, the bytes decoded strictly as UTF-8 ({@link Utf8Text});</li>
 *   <li>{@code float_list}: numbers, each the shortest decimal that reads back as the float sent, so that a
 *       float64 feature gets the value the client wrote ({@code 0.1}), as from JSON, rather than its float32
 *       approximation ({@code 0.10000000149011612});</li>
 *   <li>{@code int64_list}: integers; for a bool feature 0 and 1 are false and true, since a {@code tf.Example}
 *       carries booleans as int64.</li>
 * </ul>
 * A {@link Feature} with no list set is a missing value, as {@code null} is in JSON.
 */
final class TfExamples {
  /** What a client sends for a missing value, for messages. */
  static final String MISSING = "a Feature with no kind set";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TfExamples() {}

  /** The request's examples as the model's raw frame; {@link BadRequestException} saying what is wrong. */
  static Frame decode(Input input, Predictor model, Options options) {
    List<Field> inputs = model.bundle().manifest().inputs();
    Map<String, ColumnType> types = model.inputTypes();
    return switch (input.getKindCase()) {
      case EXAMPLE_LIST -> ExampleRequestDecoder.decodeExamples(
          examples(input.getExampleList().getExamplesList(), "input.example_list", types), null, inputs, options,
          MISSING);
      case EXAMPLE_LIST_WITH_CONTEXT -> {
        ExampleListWithContext list = input.getExampleListWithContext();
        ArrayNode examples = examples(list.getExamplesList(), "input.example_list_with_context", types);
        yield ExampleRequestDecoder.decodeExamples(examples, features(list.getContext(), "context", types), inputs,
            options, MISSING);
      }
      case KIND_NOT_SET -> throw new BadRequestException("input is empty; send the examples in "
          + "input.example_list, or in input.example_list_with_context with the features they share");
    };
  }

  private static ArrayNode examples(List<Example> examples, String list, Map<String, ColumnType> types) {
    if (examples.isEmpty()) {
      throw new BadRequestException(list + " has no examples; send at least one tf.Example");
    }
    ArrayNode trees = NODES.arrayNode(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      trees.add(features(examples.get(i), "example " + i, types));
    }
    return trees;
  }

  /** One example's features as a JSON object; {@code where} names the example in messages. */
  private static ObjectNode features(Example example, String where, Map<String, ColumnType> types) {
    ObjectNode tree = NODES.objectNode();
    for (Map.Entry<String, Feature> feature : example.getFeatures().getFeatureMap().entrySet()) {
      String name = feature.getKey();
      tree.set(name, values(feature.getValue(), types.get(name), where, name));
    }
    return tree;
  }

  /**
   * A feature's one value, as the JSON examples give it; a JSON list when it has another number of values (for
   * {@link ExampleRequestDecoder} to refuse in the words it uses for JSON), or {@code null} when it has none.
   *
   * @param type the model's type for the feature, or {@code null} when the model does not take it
   * @param where names the example in messages
   */
  private static JsonNode values(Feature feature, ColumnType type, String where, String name) {
    ArrayNode list = switch (feature.getKindCase()) {
      case BYTES_LIST -> {
        ArrayNode strings = NODES.arrayNode();
        for (ByteString value : feature.getBytesList().getValueList()) {
          byte[] bytes = value.toByteArray();
          strings.add(Utf8Text.decode(bytes, 0, bytes.length, where + ": feature '" + name + "'"));
        }
        yield strings;
      }
      case FLOAT_LIST -> {
        ArrayNode numbers = NODES.arrayNode();
        for (float value : feature.getFloatList().getValueList()) {
          numbers.add(Double.parseDouble(Float.toString(value)));
        }
        yield numbers;
      }
      case INT64_LIST -> {
        ArrayNode integers = NODES.arrayNode();
        for (long value : feature.getInt64List().getValueList()) {
          if (type == ColumnType.BOOL && (value == 0 || value == 1)) {
            integers.add(value == 1);
          } else {
            integers.add(value);
          }
        }
        yield integers;
      }
      case KIND_NOT_SET -> null;
    };
    if (list == null) {
      return NODES.nullNode();
    }
    // One value alone, so the example decoder has no list to unwrap and copies nothing.
    return list.size() == 1 ? list.get(0) : list;
  }
}
