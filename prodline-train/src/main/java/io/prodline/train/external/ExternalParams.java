package io.prodline.train.external;

import io.prodline.core.error.ProdlineException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An external trainer's parameters written as {@code key=value} text (on the command line, in a pipeline file),
 * turned into the JSON object of its {@code params.json}: a JSON number stays a number and {@code true} /
 * {@code false} a boolean, so the script reads {@code {"epochs": 300}} rather than {@code {"epochs": "300"}};
 * anything else is a string.
 */
public final class ExternalParams {
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private ExternalParams() {}

  /** @param source names where the pairs came from in errors, e.g. {@code --trainer-param} */
  public static Map<String, Object> parse(List<String> pairs, String source) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq < 1 || pair.substring(0, eq).isBlank()) {
        throw new ProdlineException(source + " '" + pair + "' is not key=value; write it like epochs=300");
      }
      String key = pair.substring(0, eq).strip();
      if (params.put(key, value(pair.substring(eq + 1))) != null) {
        throw new ProdlineException(source + " sets '" + key + "' twice; keep one");
      }
    }
    return params;
  }

  static Object value(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (INTEGER.matcher(text).matches()) {
      return Long.valueOf(text);
    }
    if (NUMBER.matcher(text).matches()) {
      return Double.valueOf(text);
    }
    return text;
  }
}
