package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a TF Serving predict body into a raw {@link Frame} with one column per model input, typed as the bundle's
 * manifest declares. Both of TF Serving's formats are read:
 * <ul>
 *   <li>row format, {@code {"instances": [...]}}: an instance is either an object of named features or an array
 *       of values in the order of the inputs; for a model with one input, as in TF Serving, it may also be that
 *       input's value itself ({@code {"instances": [3.5, 4.0]}}, {@code [{"b64": "..."}]});</li>
 *   <li>columnar format, {@code {"inputs": {"feature": [values...], ...}}}, one list per input, all of the same
 *       length; a model with a single input also takes {@code {"inputs": [values...]}}. TF Serving answers this
 *       format with {@code "outputs"} instead of {@code "predictions"}, hence {@link PredictRequest#columnar()}.</li>
 * </ul>
 * A bare model whose graph takes one input tensor ({@link TensorNames}, e.g. an ONNX model's {@code features} of
 * shape {@code [N, d]}) is also addressed as TF Serving addresses that tensor: by its name, with one list of
 * {@code d} values per row ({@code {"instances": [{"features": [...]}]}}, {@code {"inputs": {"features":
 * [[...], ...]}}}), or unnamed in the columnar format as the signature's only input ({@code {"inputs": [[...],
 * ...]}}). Its values are the model's inputs in order, so it decodes to the same frame as positional rows.
 * {@link ExampleRequestDecoder} reads classify and regress bodies through the same value rules.
 *
 * <p>The body is read token by token (Jackson's streaming parser, no tree) and every value goes straight into
 * its column's primitive builder, so a request costs one pass and no per-value objects. No reference to the body
 * is kept. The commonest body, rows of numbers for a model whose inputs are all float64, is first offered to
 * {@link NumericInstances}, which reads such bytes several times faster into the same frame; every other body,
 * and every error, is decoded here.
 *
 * <p>Types are checked here, against the manifest, so a client learns which instance and feature is wrong
 * instead of getting a model error. The rules:
 * <ul>
 *   <li>an explicit JSON {@code null} is a missing value, which the model handles as it was trained to;</li>
 *   <li>a key absent from an object instance is an error: silently treating a misspelt or forgotten feature as
 *       missing would return plausible but wrong predictions;</li>
 *   <li>a key the model does not take is an error, for the same reason (it is usually a misspelling);</li>
 *   <li>int64 inputs accept floating-point numbers that hold an exact integer ({@code 3.0}), since many JSON
 *       writers cannot tell the two apart; no other conversion happens (no strings to numbers);</li>
 *   <li>a string input also takes TF Serving's {@code {"b64": "..."}}, base64 of the UTF-8 bytes of the
 *       string;</li>
 *   <li>NaN and infinities, as the non-standard tokens {@code NaN} and {@code Infinity} or as a number beyond the
 *       float64 range, follow {@link NonFiniteInputs};</li>
 *   <li>a request may hold at most {@link Options#maxRows()} rows, which bounds the work one request asks.</li>
 * </ul>
 */
public final class PredictRequestDecoder {
  /** What a JSON body sends for a missing value, for messages. */
  static final String JSON_MISSING = "null";

  /** The only signature a prodline model has, under TF Serving's default name. */
  public static final String SIGNATURE = "serving_default";

  /** A decoded predict body: the rows, and whether they came in the columnar format. */
  public record PredictRequest(Frame frame, boolean columnar) {}

  /**
   * What a request may contain.
   *
   * @param maxRows most instances in one request
   * @param nonFinite which of {@code NaN} and {@code ±Infinity} are accepted for float64 inputs
   */
  public record Options(int maxRows, NonFiniteInputs nonFinite) {
    /** No row limit beyond what the body size allows, and no NaN. */
    public static final Options DEFAULT = new Options(Integer.MAX_VALUE, NonFiniteInputs.REFUSED);

    public Options {
      Objects.requireNonNull(nonFinite, "nonFinite");
      if (maxRows < 1) {
        throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
      }
    }
  }

  private PredictRequestDecoder() {}

  /** Decodes {@code body} for a model taking {@code inputs} with {@link Options#DEFAULT}. */
  public static Frame decode(byte[] body, List<Field> inputs) {
    return decodeRequest(body, inputs, Options.DEFAULT).frame();
  }

  /** Decodes {@code body} for a model taking {@code inputs}; throws {@link BadRequestException} saying what is wrong. */
  public static Frame decode(byte[] body, List<Field> inputs, Options options) {
    return decodeRequest(body, inputs, options).frame();
  }

  /** Like {@link #decode(byte[], List)}, also telling which format the body used. */
  public static PredictRequest decodeRequest(byte[] body, List<Field> inputs) {
    return decodeRequest(body, inputs, Options.DEFAULT);
  }

  /** Like {@link #decode(byte[], List, Options)}, also telling which format the body used. */
  public static PredictRequest decodeRequest(byte[] body, List<Field> inputs, Options options) {
    return decodeRequest(body, inputs, null, options);
  }

  /**
   * Like {@link #decodeRequest(byte[], List, Options)} for a bare model whose {@code inputs} together form the
   * graph's input tensor {@code graph.input()}, which the body may then name instead of the inputs.
   *
   * @param graph the model's graph tensor names, or {@code null} when it has none
   */
  public static PredictRequest decodeRequest(byte[] body, List<Field> inputs, TensorNames graph, Options options) {
    Frame numeric = NumericInstances.read(body, inputs, options.maxRows());
    if (numeric != null) {
      return new PredictRequest(numeric, false);
    }
    try (JsonParser parser = Json.REQUESTS.createParser(body)) {
      try {
        return new Reader(parser, inputs, graph, options, "instance", JSON_MISSING).read();
      } catch (BadRequestException e) {
        // A body that is not JSON at all is reported as such, whatever its start looked like.
        skipToEnd(parser);
        throw e;
      }
    } catch (JsonProcessingException e) {
      throw MalformedJson.of(e, body);
    } catch (IOException e) {
      throw MalformedJson.unreadable(e);
    }
  }

  /**
   * Decodes rows of named features, as in the row format, from {@code rows}, a parser positioned before a JSON
   * array; {@code noun} names a row in messages ("example 3"), {@code missing} what the client sends for a missing
   * value ("null").
   */
  static Frame decodeRows(JsonParser rows, List<Field> inputs, Options options, String noun, String missing) {
    try (rows) {
      Reader reader = new Reader(rows, inputs, null, options, noun, missing);
      reader.readRows(rows.nextToken(), "\"" + noun + "s\"");
      return reader.frame();
    } catch (IOException e) {
      throw new UncheckedIOException("reading rows already parsed into a tree cannot fail", e);
    }
  }

  /**
   * Refuses a {@code signature_name} the model does not have; empty names the default one, as in TF Serving.
   *
   * @param name the name given, or {@code null} when it is not a string
   */
  public static void checkSignature(String name) {
    String has = "; this model has \"" + SIGNATURE + "\"";
    if (name == null) {
      throw new BadRequestException("signature_name must be a string" + has);
    }
    if (!name.isEmpty() && !name.equals(SIGNATURE)) {
      throw new BadRequestException("unknown signature_name \"" + MessageText.shortened(name) + "\"" + has);
    }
  }


  private static void skipToEnd(JsonParser parser) throws IOException {
    while (parser.nextToken() != null) {
      // only looking for a syntax error
    }
  }

  /** One decoding pass; holds the column builders being filled. */
  private static final class Reader {
    private final JsonParser parser;
    private final List<Field> inputs;
    /** The graph tensor the inputs form, which the body may name instead of them; null when there is none. */
    private final TensorNames graph;
    private final Options options;
    /** Built on the first feature named in the request: positional rows, the common case, never need it. */
    private Map<String, Integer> indexByName;
    private final ColumnBuilder[] builders;
    private final boolean[] seen;
    private final String noun;
    /** What the client sends for a missing value, for messages. */
    private final String missing;
    private int rows;
    /**
     * The row whose value is being read in the columnar format, -1 in the row format. Messages are built from it
     * only when a value is refused: building one per value would cost more than parsing the value.
     */
    private int columnRow = -1;

    Reader(JsonParser parser, List<Field> inputs, TensorNames graph, Options options, String noun, String missing) {
      this.parser = parser;
      this.missing = missing;
      this.inputs = inputs;
      this.graph = graph;
      this.options = options;
      this.noun = noun;
      this.builders = new ColumnBuilder[inputs.size()];
      this.seen = new boolean[inputs.size()];
      for (int f = 0; f < inputs.size(); f++) {
        builders[f] = Column.builder(inputs.get(f).type());
      }
    }

    private Integer featureIndex(String name) {
      if (indexByName == null) {
        indexByName = new HashMap<>(inputs.size() * 2);
        for (int f = 0; f < inputs.size(); f++) {
          indexByName.put(inputs.get(f).name(), f);
        }
      }
      return indexByName.get(name);
    }

    PredictRequest read() throws IOException {
      JsonToken root = parser.nextToken();
      if (root == null) {
        throw new BadRequestException("the request body is empty; send a JSON object");
      }
      if (root != JsonToken.START_OBJECT) {
        throw new BadRequestException("the request body must be a JSON object with \"instances\" or \"inputs\", "
            + "got " + describeCurrent());
      }
      String format = null;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (key) {
          case "instances", "inputs" -> {
            if (format != null) {
              throw new BadRequestException("the request has both \"instances\" and \"inputs\"; send one: rows as "
                  + "\"instances\" or columns as \"inputs\"");
            }
            format = key;
            try {
              if (key.equals("instances")) {
                readRows(value, "\"instances\"");
              } else {
                readColumns(value);
              }
            } catch (BadRequestException e) {
              throw bothFormatsOr(key, e);
            }
          }
          case "signature_name" -> checkSignature(value == JsonToken.VALUE_STRING ? parser.getText() : null);
          // TF Serving reads the fields it knows and no other, and clients rely on it: Vertex AI's and AI
          // Platform's send "parameters" beside "instances".
          default -> parser.skipChildren();
        }
      }
      // Reading to the end first reports trailing garbage as malformed JSON, as a whole-document parse would.
      if (parser.nextToken() != null) {
        throw MalformedJson.trailing(parser.currentTokenLocation());
      }
      if (format == null) {
        throw new BadRequestException("the request has no \"instances\"; send {\"instances\": [...]} with one "
            + "object or array per row, or {\"inputs\": {...}} with one list per feature");
      }
      return new PredictRequest(frame(), format.equals("inputs"));
    }

    /**
     * A body with both formats is told so first, whatever is wrong inside the one read first: skips the rest of
     * the {@code format} section and looks for the other one among the remaining top-level keys.
     */
    private BadRequestException bothFormatsOr(String format, BadRequestException error) throws IOException {
      while (!atTopLevel(parser.getParsingContext())) {
        parser.nextToken();
      }
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        if (!key.equals(format) && (key.equals("instances") || key.equals("inputs"))) {
          return new BadRequestException("the request has both \"instances\" and \"inputs\"; send one: rows as "
              + "\"instances\" or columns as \"inputs\"");
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return error;
    }

    private static boolean atTopLevel(JsonStreamContext context) {
      return context.inObject() && context.getParent() != null && context.getParent().inRoot();
    }

    Frame frame() {
      return PredictRequestDecoder.frame(inputs, builders);
    }

    /** Reads a list of rows; {@code list} names it in messages. */
    void readRows(JsonToken start, String list) throws IOException {
      if (start != JsonToken.START_ARRAY) {
        throw new BadRequestException(list + " must be a list of rows, got " + describeCurrent());
      }
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (rows == options.maxRows()) {
          throw new BadRequestException("the request has more than " + options.maxRows() + " " + noun + "s, the "
              + "most this server accepts in one request; split it into smaller requests");
        }
        if (t == JsonToken.START_OBJECT) {
          readNamed();
        } else if (t == JsonToken.START_ARRAY && noun.equals("instance")) {
          readInOrder(false);
        } else if (takesBareValues()) {
          append(0);
        } else if (noun.equals("instance")) {
          throw new BadRequestException(where() + " is " + describeCurrent() + ", but a row must be a list of the "
              + inputs.size() + " values in the order " + names() + " or an object naming them; only a model with "
              + "one input takes bare values as rows");
        } else {
          throw new BadRequestException(where() + " must be an object naming the features " + names() + ", got "
              + describeCurrent());
        }
        rows++;
      }
      if (rows == 0) {
        throw new BadRequestException(list + " is empty; send at least one row");
      }
    }

    /**
     * Reads the columnar format: one list per feature, or one unnamed list for a single-input model; for a model
     * with a graph tensor, that tensor's rows, named or unnamed.
     */
    private void readColumns(JsonToken start) throws IOException {
      if (start == JsonToken.START_ARRAY && inputs.size() == 1) {
        rows = readColumn(0);
      } else if (start == JsonToken.START_ARRAY && graph != null) {
        rows = readTensorRows();
      } else if (start != JsonToken.START_OBJECT) {
        throw new BadRequestException("\"inputs\" must be an object of one list per feature " + names()
            + (inputs.size() == 1 ? " or a list of values" : "")
            + (graph != null ? " or the rows of the tensor '" + graph.input() + "'" : "") + ", got "
            + describeCurrent());
      } else {
        Arrays.fill(seen, false);
        String first = null;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          if (isTensor(key)) {
            if (first != null) {
              throw mixed("\"inputs\"", first);
            }
            parser.nextToken();
            rows = readTensorRows();
            Arrays.fill(seen, true);
            first = key;
            continue;
          }
          Integer f = featureIndex(key);
          if (f == null) { // TF Serving looks up each input the model takes in "inputs" and reads no other key
            parser.nextToken();
            parser.skipChildren();
            continue;
          }
          if (first != null && isTensor(first)) {
            throw mixed("\"inputs\"", key);
          }
          if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new BadRequestException("\"inputs\": feature '" + key + "' must be a list of values, one per row, "
                + "got " + describeCurrent());
          }
          int count = readColumn(f);
          if (first == null) {
            first = key;
            rows = count;
          } else if (count != rows) {
            throw new BadRequestException("\"inputs\": feature '" + key + "' has " + count + " values but '" + first
                + "' has " + rows + "; every feature needs one value per row");
          }
          seen[f] = true;
        }
        for (int f = 0; f < seen.length; f++) {
          if (!seen[f]) {
            throw new BadRequestException("\"inputs\" is missing feature '" + inputs.get(f).name() + "'; send a list "
                + "with null for missing values");
          }
        }
      }
      if (rows == 0) {
        throw new BadRequestException("\"inputs\" has no rows; send at least one value per feature");
      }
    }

    /**
     * Reads the rows of the graph tensor from the list that starts at the current token, each a list of one value
     * per input; returns how many.
     */
    private int readTensorRows() throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        throw new BadRequestException("\"inputs\": tensor '" + graph.input() + "' must be a list of rows of "
            + inputs.size() + " values, got " + describeCurrent());
      }
      return readRowList(() -> {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
          throw new BadRequestException("\"inputs\": tensor '" + graph.input() + "' row " + columnRow + " must be a "
              + "list of " + inputs.size() + " values, got " + describeCurrent());
        }
        readInOrder(true);
      });
    }

    private boolean isTensor(String key) {
      return graph != null && key.equals(graph.input());
    }

    /** The refusal of a body that gives the graph tensor and a feature it is made of, which would say it twice. */
    private BadRequestException mixed(String where, String feature) {
      return new BadRequestException(where + " gives both the tensor '" + graph.input() + "' and the feature '"
          + feature + "'; send the tensor alone or the features " + names());
    }

    /** What the model takes, for messages: its features, and its graph tensor when it has one. */
    private String takes() {
      return names() + (graph == null ? "" : ", or the tensor '" + graph.input() + "' of " + inputs.size()
          + " values per row in that order");
    }

    /** Appends the values of the list that starts at the current token to column {@code f}; returns how many. */
    private int readColumn(int f) throws IOException {
      return readRowList(() -> append(f));
    }

    /** Reads one element of a columnar list: the value, or values, of row {@link #columnRow}. */
    private interface RowElement {
      void read() throws IOException;
    }

    /** Reads the list that starts at the current token, one element per row, within the row limit; returns how many. */
    private int readRowList(RowElement element) throws IOException {
      int count = 0;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (count == options.maxRows()) {
          throw new BadRequestException("the request has more than " + options.maxRows() + " rows, the most this "
              + "server accepts in one request; split it into smaller requests");
        }
        columnRow = count;
        element.read();
        count++;
      }
      columnRow = -1;
      return count;
    }

    /** The row being read, for messages: "instance 3", or "\"inputs\" row 3" in the columnar format. */
    private String where() {
      return columnRow < 0 ? noun + " " + rows : "\"inputs\" row " + columnRow;
    }

    /**
     * Whether a row may be the one input's value itself, as TF Serving lets the rows of a one-input model be
     * ({@code {"instances": [3.5, 4.0]}}); classify and regress examples are always objects.
     */
    private boolean takesBareValues() {
      return inputs.size() == 1 && noun.equals("instance");
    }

    private void readNamed() throws IOException {
      Arrays.fill(seen, false);
      boolean tensor = false;
      boolean features = false;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        if (isTensor(key)) {
          if (features) {
            throw mixed(where(), firstSeen());
          }
          if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new BadRequestException(where() + ": tensor '" + key + "' must be a list of " + inputs.size()
                + " values, got " + describeCurrent());
          }
          readInOrder(true);
          Arrays.fill(seen, true);
          tensor = true;
          continue;
        }
        Integer f = featureIndex(key);
        if (f == null && key.equals("b64") && !tensor && !features && takesBareValues()) {
          // The one input's value in TF Serving's binary form; an input named "b64" keeps the named reading.
          appendB64Value(inputs.get(0), builders[0]);
          return;
        }
        if (f == null && noun.equals("example")) {
          // TF Serving parses a tf.Example with the model's feature spec, which reads the features it names and no
          // other: examples routinely carry an id or the label. An instance's keys must all be inputs, as there.
          parser.nextToken();
          parser.skipChildren();
          continue;
        }
        if (f == null) {
          throw new BadRequestException(where() + " has unknown feature '" + key + "'; the model takes " + takes());
        }
        if (tensor) {
          throw mixed(where(), key);
        }
        features = true;
        parser.nextToken();
        append(f);
        seen[f] = true;
      }
      for (int f = 0; f < seen.length; f++) {
        if (!seen[f]) {
          throw new BadRequestException(where() + " is missing feature '" + inputs.get(f).name()
              + "'; send " + missing + " for a missing value");
        }
      }
    }

    private String firstSeen() {
      for (int f = 0; f < seen.length; f++) {
        if (seen[f]) {
          return inputs.get(f).name();
        }
      }
      return "";
    }

    /**
     * Reads the array at the current token as one value per input, in input order: a positional row, or a row of
     * the graph tensor when {@code tensor}.
     */
    private void readInOrder(boolean tensor) throws IOException {
      int count = 0;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (count < inputs.size()) {
          append(count);
        } else {
          parser.skipChildren();
        }
        count++;
      }
      if (count != inputs.size()) {
        String what = !tensor ? where() : columnRow >= 0 ? "\"inputs\": tensor '" + graph.input() + "' row "
            + columnRow : where() + ": tensor '" + graph.input() + "'";
        throw new BadRequestException(what + " has " + count + " values but " + (tensor
            ? "the tensor has " + inputs.size() + " per row" : "the model takes " + inputs.size() + ", in the order "
            + names()));
      }
    }

    /** Appends the current token to column {@code f}, or says why it does not fit. */
    private void append(int f) throws IOException {
      JsonToken t = parser.currentToken();
      ColumnBuilder builder = builders[f];
      Field input = inputs.get(f);
      if (t == JsonToken.VALUE_NULL) {
        builder.appendNull();
        return;
      }
      if (t == JsonToken.START_OBJECT) {
        appendB64(input, builder);
        return;
      }
      boolean fits = switch (input.type()) {
        case FLOAT64 -> appendFloat64((Float64Column.Builder) builder, t, input);
        case INT64 -> appendInt64((Int64Column.Builder) builder, t);
        case BOOL -> {
          boolean isBool = t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE;
          if (isBool) {
            ((BoolColumn.Builder) builder).append(t == JsonToken.VALUE_TRUE);
          }
          yield isBool;
        }
        case STRING -> {
          boolean isString = t == JsonToken.VALUE_STRING;
          if (isString) {
            ((StringColumn.Builder) builder).append(parser.getText());
          }
          yield isString;
        }
      };
      if (!fits) {
        throw new BadRequestException(where() + ": feature '" + input.name() + "' must be " + expected(input)
            + " but got " + describeCurrent());
      }
    }

    /**
     * TF Serving's binary value {@code {"b64": "..."}}, at the current START_OBJECT; prodline strings are text, so
     * the bytes must be UTF-8. Any other object is refused like any value of the wrong type.
     */
    private void appendB64(Field input, ColumnBuilder builder) throws IOException {
      JsonToken field = parser.nextToken();
      if (field != JsonToken.FIELD_NAME || !"b64".equals(parser.currentName())) {
        throw new BadRequestException(where() + ": feature '" + input.name() + "' must be " + expected(input)
            + " but got an object");
      }
      appendB64Value(input, builder);
    }

    /** Reads a {@code {"b64": ...}} object from its "b64" key, the current token, to its end. */
    private void appendB64Value(Field input, ColumnBuilder builder) throws IOException {
      if (input.type() != ColumnType.STRING) {
        throw new BadRequestException(where() + ": feature '" + input.name() + "' must be " + expected(input)
            + " but got {\"b64\": ...}, which is only for string features");
      }
      JsonToken value = parser.nextToken();
      String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      String shape = value == JsonToken.VALUE_STRING ? null : describeCurrent();
      if (parser.nextToken() != JsonToken.END_OBJECT) {
        throw new BadRequestException(where() + ": feature '" + input.name() + "': {\"b64\": ...} must hold only "
            + "the \"b64\" key, but it also has \"" + MessageText.shortened(parser.currentName()) + "\"");
      }
      String subject = where() + ": feature '" + input.name() + "': the \"b64\" value";
      if (text == null) {
        throw new BadRequestException(subject + " must be a base64 string but is " + shape);
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(subject + " is not valid base64");
      }
      ((StringColumn.Builder) builder).append(Utf8Text.decode(bytes, 0, bytes.length, subject));
    }

    private boolean appendFloat64(Float64Column.Builder builder, JsonToken t, Field input) throws IOException {
      if (!t.isNumeric()) {
        return false;
      }
      double value = parser.getDoubleValue();
      if (!options.nonFinite().accepts(value)) {
        throw NonFiniteInputs.refused(where() + ": feature '" + input.name() + "'", parser.getText(),
            "send " + missing + " for a missing value");
      }
      builder.append(value);
      return true;
    }

    private boolean appendInt64(Int64Column.Builder builder, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_NUMBER_INT) {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return false;
        }
        builder.append(parser.getLongValue());
        return true;
      }
      if (t == JsonToken.VALUE_NUMBER_FLOAT && !parser.isNaN()) {
        double d = parser.getDoubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
          builder.append((long) d);
          return true;
        }
      }
      return false;
    }

    /** The current value for an error message; containers are skipped so the caller's position stays valid. */
    private String describeCurrent() throws IOException {
      JsonToken t = parser.currentToken();
      return switch (t) {
        case VALUE_STRING -> "the string \"" + MessageText.shortened(parser.getText()) + "\"";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
        case VALUE_TRUE, VALUE_FALSE -> "the boolean " + parser.getText();
        case VALUE_NULL -> "null";
        case START_ARRAY -> "an array";
        default -> "an object";
      };
    }

    private String names() {
      return MessageText.names(PredictRequestDecoder.names(inputs));
    }
  }

  /** The frame of one column per input, built from {@code builders} in input order. */
  static Frame frame(List<Field> inputs, ColumnBuilder[] builders) {
    Column[] columns = new Column[builders.length];
    for (int i = 0; i < builders.length; i++) {
      columns[i] = builders[i].build();
    }
    return frame(inputs, columns);
  }

  static Frame frame(List<Field> inputs, Column[] columns) {
    // Immutable lists from arrays, which Frame keeps as they are: this runs once per request.
    return Frame.of(names(inputs), List.of(columns));
  }

  private static List<String> names(List<Field> inputs) {
    String[] names = new String[inputs.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = inputs.get(i).name();
    }
    return List.of(names);
  }

  private static String expected(Field input) {
    return switch (input.type()) {
      case FLOAT64 -> "a number (float64)";
      case INT64 -> "an integer (int64)";
      case BOOL -> "true or false (bool)";
      case STRING -> "a string";
    };
  }
}
