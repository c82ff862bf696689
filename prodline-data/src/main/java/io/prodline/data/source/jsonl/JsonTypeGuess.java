package io.prodline.data.source.jsonl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.core.frame.ColumnType;
import java.io.IOException;

/**
 * The type of one key, inferred from its non-null values in the sample, by the CSV rule applied to JSON's own
 * value kinds: int64 if every value is an integer number that fits 64 bits; else float64 if every value is a
 * number; else bool if every value is true or false; else string. A key with no value in the sample is string.
 *
 * <p>{@code 3.0} counts as a float, as its writer meant; an object or array makes the key a string.
 */
final class JsonTypeGuess {
  private boolean sawValue;
  private boolean int64 = true;
  private boolean number = true;
  private boolean bool = true;

  /** Takes in the value at the parser's current token, which must not be {@code null}. */
  void observe(JsonToken token, JsonParser parser) throws IOException {
    sawValue = true;
    boolean isInt = token == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    int64 = int64 && isInt;
    number = number && token.isNumeric();
    bool = bool && token.isBoolean();
  }

  /** Folds {@code other}'s observations into {@code into}; returns {@code into}. */
  static JsonTypeGuess merge(JsonTypeGuess into, JsonTypeGuess other) {
    into.sawValue |= other.sawValue;
    into.int64 &= other.int64;
    into.number &= other.number;
    into.bool &= other.bool;
    return into;
  }

  ColumnType type() {
    if (!sawValue) {
      return ColumnType.STRING;
    }
    if (int64) {
      return ColumnType.INT64;
    }
    if (number) {
      return ColumnType.FLOAT64;
    }
    return bool ? ColumnType.BOOL : ColumnType.STRING;
  }
}
