package io.prodline.core.runtime.xgboost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A value in a generic model document together with its path ({@code learner.gradient_booster.model.trees[3]}),
 * so that every "missing field" or "wrong type" error says exactly where in the file the problem is. Typed
 * accessors accept both the boxed lists of {@link JsonDocumentReader} and the primitive arrays of
 * {@link UbjsonDocumentReader}, and the numbers-as-strings XGBoost uses for its parameters ({@code "num_class":"3"}).
 */
final class DocumentNode {
  private final Object value;
  private final String path;

  DocumentNode(Object value, String path) {
    this.value = value;
    this.path = path;
  }

  static DocumentNode root(Object value) {
    return new DocumentNode(value, "");
  }

  String path() {
    return path.isEmpty() ? "the document" : path;
  }

  boolean has(String name) {
    return value instanceof Map<?, ?> map && map.containsKey(name) && map.get(name) != null;
  }

  DocumentNode field(String name) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ModelFormatException(path() + " should be an object with a field '" + name + "'");
    }
    Object child = map.get(name);
    if (child == null) {
      throw new ModelFormatException("missing field '" + childPath(name) + "'");
    }
    return new DocumentNode(child, childPath(name));
  }

  private String childPath(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean isString() {
    return value instanceof String;
  }

  boolean isNumber() {
    return value instanceof Number;
  }

  float floatValue() {
    if (value instanceof Number n) {
      return n.floatValue();
    }
    throw wrongType("a number");
  }

  String string() {
    if (value instanceof String s) {
      return s;
    }
    throw wrongType("a string");
  }

  /** An integer, also when written as a string as XGBoost does for parameters. */
  long integer() {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw wrongType("an integer");
      }
    }
    if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d)) {
        return (long) d;
      }
    }
    throw wrongType("an integer");
  }

  int nonNegativeInt() {
    long v = integer();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new ModelFormatException(path() + " is " + v + ", expected a non-negative int");
    }
    return (int) v;
  }

  int size() {
    if (value instanceof List<?> list) {
      return list.size();
    }
    if (value instanceof float[] a) {
      return a.length;
    }
    if (value instanceof double[] a) {
      return a.length;
    }
    if (value instanceof long[] a) {
      return a.length;
    }
    throw wrongType("an array");
  }

  List<DocumentNode> elements() {
    if (!(value instanceof List<?> list)) {
      throw wrongType("an array of objects");
    }
    List<DocumentNode> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(new DocumentNode(list.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  float[] floats() {
    if (value instanceof float[] a) {
      return a.clone();
    }
    if (value instanceof double[] a) {
      float[] out = new float[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = (float) a[i];
      }
      return out;
    }
    if (value instanceof long[] a) {
      float[] out = new float[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i];
      }
      return out;
    }
    if (value instanceof List<?> list) {
      float[] out = new float[list.size()];
      for (int i = 0; i < out.length; i++) {
        Object e = list.get(i);
        if (!(e instanceof Number n)) {
          throw new ModelFormatException(path + "[" + i + "] should be a number");
        }
        out[i] = n.floatValue();
      }
      return out;
    }
    throw wrongType("an array of numbers");
  }

  int[] ints() {
    long[] longs = longs();
    int[] out = new int[longs.length];
    for (int i = 0; i < out.length; i++) {
      if (longs[i] < Integer.MIN_VALUE || longs[i] > Integer.MAX_VALUE) {
        throw new ModelFormatException(path + "[" + i + "] = " + longs[i] + " is out of int range");
      }
      out[i] = (int) longs[i];
    }
    return out;
  }

  /** 0/1 integers (XGBoost 2+) or booleans (older files). */
  boolean[] booleans() {
    if (value instanceof long[] a) {
      boolean[] out = new boolean[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] != 0;
      }
      return out;
    }
    if (value instanceof List<?> list) {
      boolean[] out = new boolean[list.size()];
      for (int i = 0; i < out.length; i++) {
        Object e = list.get(i);
        if (e instanceof Boolean b) {
          out[i] = b;
        } else if (e instanceof Long l) {
          out[i] = l != 0;
        } else {
          throw new ModelFormatException(path + "[" + i + "] should be a boolean or 0/1");
        }
      }
      return out;
    }
    throw wrongType("an array of booleans");
  }

  private long[] longs() {
    if (value instanceof long[] a) {
      return a;
    }
    if (value instanceof List<?> list) {
      long[] out = new long[list.size()];
      for (int i = 0; i < out.length; i++) {
        Object e = list.get(i);
        if (!(e instanceof Long l)) {
          throw new ModelFormatException(path + "[" + i + "] should be an integer");
        }
        out[i] = l;
      }
      return out;
    }
    throw wrongType("an array of integers");
  }

  private ModelFormatException wrongType(String expected) {
    String found = value == null ? "null" : value instanceof Map ? "an object" : value instanceof List ? "an array"
        : value instanceof String s ? "the string \"" + abbreviate(s) + "\"" : value.toString();
    return new ModelFormatException(path() + " should be " + expected + ", found " + found);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
