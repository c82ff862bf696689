package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.io.NumberInput;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.core.text.FastDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A fast path for the body nearly every predict request has: {@code {"instances": [[number, ...], ...]}} for a
 * model whose inputs are all float64. Jackson's streaming parser spends about 30 ns of CPU per number on this
 * shape (tokenising, copying each number's text, then converting it), so a 64-row request of 30 features cost
 * more to decode than a 100-tree model takes to predict it; reading the bytes directly costs a fraction of that.
 *
 * <p>Only a strict subset of JSON is read here: the four JSON whitespace bytes, the key spelt without escapes,
 * exactly one number per input in each row, numbers in JSON's grammar, at most the row limit. Anything else
 * (null, NaN, a string, an object, {@code signature_name}, a syntax error, a short row, a number too long for the
 * rules below) gets {@code null}, and the caller decodes the body with {@link PredictRequestDecoder}'s Jackson
 * path, which answers or words the error as it always has. So the fast path decides no error of its own.
 *
 * <p>Every number gets the double Jackson's {@code getDoubleValue()} gives, so a body decodes to the same frame
 * either way:
 * <ul>
 *   <li>an integer of up to 18 digits: its {@code long} value widened, as Jackson does (so {@code -0} is
 *       {@code 0.0}); a longer one is left to Jackson;</li>
 *   <li>a number with a fraction or exponent: the correctly rounded double. Its digits are gathered here in the
 *       same pass that checks JSON's grammar; when they fit in 53 bits and the decimal exponent is within ±22,
 *       one exact operation gives the value (Clinger's fast path, also the first step
 *       of the parser Jackson uses), otherwise the same {@link NumberInput#parseDouble(char[], int, int, boolean)}
 *       Jackson calls does. A result that is not finite ({@code 1e400}) is left to the Jackson path, which applies
 *       {@link NonFiniteInputs} to it.</li>
 * </ul>
 */
final class NumericInstances {
  private static final int MAX_DIGITS = 18;
  private static final int MAX_EXPONENT = 99_999;
  private static final byte[] KEY = {'"', 'i', 'n', 's', 't', 'a', 'n', 'c', 'e', 's', '"'};

  /** Raised where the body leaves the shape; carries no stack, since falling back is an answer, not a fault. */
  private static final class OtherShape extends RuntimeException {
    private static final OtherShape INSTANCE = new OtherShape();

    private OtherShape() {
      super(null, null, false, false);
    }
  }

  private final byte[] body;
  private final int maxRows;
  private final int width;
  /**
   * The values row after row, turned into columns at the end: appending to one array is cheaper than to one
   * growing column per input, and the columns are then allocated at their final size.
   */
  private double[] values;
  private int count;
  /** Holds a number's text for {@link NumberInput}, when one needs it. */
  private char[] text;
  private int pos;

  private NumericInstances(byte[] body, int inputs, int maxRows) {
    this.body = body;
    this.maxRows = maxRows;
    this.width = inputs;
    // Room for one row, the size of nearly every request; a body with more is sized by its first row's length.
    this.values = new double[inputs];
  }

  /**
   * The rows of {@code body}, or {@code null} when the body is not of the one shape read here, or {@code inputs}
   * are not all float64; then the caller decodes it the general way.
   */
  static Frame read(byte[] body, List<Field> inputs, int maxRows) {
    if (inputs.isEmpty()) {
      return null;
    }
    for (Field input : inputs) {
      if (input.type() != ColumnType.FLOAT64) {
        return null;
      }
    }
    NumericInstances reader = new NumericInstances(body, inputs.size(), maxRows);
    try {
      reader.readBody();
    } catch (OtherShape e) {
      return null;
    }
    return PredictRequestDecoder.frame(inputs, reader.columns());
  }

  /** One column per input, holding that input's value of every row read. */
  private Column[] columns() {
    int rows = count / width;
    Column[] columns = new Column[width];
    for (int f = 0; f < width; f++) {
      columns[f] = Float64Column.ofStrided(values, f, width, rows);
    }
    return columns;
  }

  private void readBody() {
    expect('{');
    skipWhitespace();
    for (byte b : KEY) {
      if (pos == body.length || body[pos++] != b) {
        throw OtherShape.INSTANCE;
      }
    }
    expect(':');
    expect('[');
    int separator = ',';
    for (int rows = 0; separator == ','; rows++) {
      if (rows == maxRows) {
        throw OtherShape.INSTANCE;
      }
      int rowStart = pos;
      readRow();
      separator = next();
      if (rows == 0 && separator == ',') {
        reserveRows(pos - rowStart);
      }
    }
    if (separator != ']') {
      throw OtherShape.INSTANCE;
    }
    expect('}');
    skipWhitespace();
    if (pos != body.length) {
      throw OtherShape.INSTANCE;
    }
  }

  /**
   * Makes room for the rows the rest of the body holds if they are about as long as the first, {@code rowBytes}
   * with its separator, so a 64-row request grows its values once rather than doubling its way up.
   */
  private void reserveRows(int rowBytes) {
    int rows = Math.min(maxRows, count / width + (body.length - pos) / rowBytes + 1);
    if (rows * width > values.length) {
      values = Arrays.copyOf(values, rows * width);
    }
  }

  private void readRow() {
    expect('[');
    if (count + width > values.length) {
      values = Arrays.copyOf(values, Math.max(2 * values.length, count + width));
    }
    for (int f = 0; f < width; f++) {
      if (f > 0) {
        expect(',');
      }
      skipWhitespace();
      values[count++] = number();
    }
    expect(']');
  }

  /**
   * The number at the current position, by the rules in the class comment. Works on a local copy of the
   * position, which the compiler keeps in a register; this loop is most of the fast path's time.
   */
  private double number() {
    byte[] b = body;
    int start = pos;
    int p = start;
    boolean negative = p < b.length && b[p] == '-';
    if (negative) {
      p++;
    }
    int integerStart = p;
    long digits = 0;
    for (; p < b.length && isDigit(b[p]); p++) {
      digits = digits * 10 + (b[p] - '0');
    }
    int count = p - integerStart;
    if (count == 0 || (count > 1 && b[integerStart] == '0')) {
      throw OtherShape.INSTANCE; // no digit, or a leading zero
    }
    int fractionDigits = 0;
    if (p < b.length && b[p] == '.') {
      int fractionStart = ++p;
      for (; p < b.length && isDigit(b[p]); p++) {
        digits = digits * 10 + (b[p] - '0');
      }
      fractionDigits = p - fractionStart;
      if (fractionDigits == 0) {
        throw OtherShape.INSTANCE;
      }
      count += fractionDigits;
    }
    boolean integer = fractionDigits == 0;
    int exponent = 0;
    if (p < b.length && (b[p] == 'e' || b[p] == 'E')) {
      integer = false;
      p++;
      boolean negativeExponent = p < b.length && b[p] == '-';
      if (negativeExponent || (p < b.length && b[p] == '+')) {
        p++;
      }
      int exponentStart = p;
      for (; p < b.length && isDigit(b[p]); p++) {
        exponent = Math.min(MAX_EXPONENT, exponent * 10 + (b[p] - '0'));
      }
      if (p == exponentStart) {
        throw OtherShape.INSTANCE;
      }
      exponent = negativeExponent ? -exponent : exponent;
    }
    pos = p;
    if (count > MAX_DIGITS) {
      // The digits overflowed the long: only an integer's value is lost, which Jackson reads as a BigInteger.
      if (integer) {
        throw OtherShape.INSTANCE;
      }
      return parsed(start);
    }
    if (integer) {
      return negative ? -digits : digits;
    }
    // FastDecimal's exact step, written out: as a call it is not inlined into this already large method, and a
    // call per number costs about 7% of a 64-row request.
    int scale = exponent - fractionDigits;
    if (digits > FastDecimal.MAX_EXACT_MANTISSA || scale < -FastDecimal.MAX_EXACT_SCALE
        || scale > FastDecimal.MAX_EXACT_SCALE) {
      return parsed(start);
    }
    double exact = scale < 0 ? digits / FastDecimal.powerOfTen(-scale) : digits * FastDecimal.powerOfTen(scale);
    return negative ? -exact : exact;
  }

  /** The number from {@code start} to the current position, converted as Jackson converts it. */
  private double parsed(int start) {
    int length = pos - start;
    if (text == null || text.length < length) {
      text = new char[Math.max(32, length)];
    }
    for (int i = 0; i < length; i++) {
      text[i] = (char) body[start + i];
    }
    double value = NumberInput.parseDouble(text, 0, length, true);
    if (!Double.isFinite(value)) {
      throw OtherShape.INSTANCE;
    }
    return value;
  }

  /** Skips whitespace, then consumes {@code c} or leaves the shape. */
  private void expect(char c) {
    if (next() != c) {
      throw OtherShape.INSTANCE;
    }
  }

  /** Skips whitespace and consumes the byte after it; -1 at the end of the body. */
  private int next() {
    skipWhitespace();
    return pos < body.length ? body[pos++] : -1;
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private void skipWhitespace() {
    byte[] b = body;
    int p = pos;
    while (p < b.length && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
      p++;
    }
    pos = p;
  }
}
