package io.prodline.core.runtime.xgboost;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Universal Binary JSON (UBJSON, big-endian), the format XGBoost writes for {@code .ubj} files, into the same
 * generic document model as {@link JsonDocumentReader}.
 *
 * <p>Strongly typed numeric arrays ({@code [$d#...}), which XGBoost uses for every large array, become primitive
 * arrays ({@code float[]}, {@code double[]}, {@code long[]}) so a big model does not turn into millions of boxed
 * numbers. A small reader of our own, because Jackson has no UBJSON module and prodline-core must stay free of
 * further dependencies.
 */
final class UbjsonDocumentReader {
  /** Refuse absurd sizes before allocating, so a corrupt length gives an error instead of an OutOfMemoryError. */
  private static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

  private final DataInputStream in;

  private UbjsonDocumentReader(InputStream in) {
    this.in = new DataInputStream(in);
  }

  /** Reads one UBJSON value; the caller closes {@code in}. */
  static Object read(InputStream in) throws IOException {
    UbjsonDocumentReader reader = new UbjsonDocumentReader(in);
    int marker = reader.in.read();
    if (marker < 0) {
      throw new ModelFormatException("the file is empty");
    }
    Object value = reader.readValue(marker);
    if (reader.in.read() >= 0) {
      throw new ModelFormatException("unexpected content after the UBJSON document");
    }
    return value;
  }

  private int nextMarker() throws IOException {
    int m;
    do {
      m = in.read();
      if (m < 0) {
        throw new ModelFormatException("the UBJSON document is truncated");
      }
    } while (m == 'N'); // no-op padding
    return m;
  }

  private Object readValue(int marker) throws IOException {
    try {
      switch (marker) {
        case '{':
          return readObject();
        case '[':
          return readArray();
        case 'Z':
          return null;
        case 'T':
          return Boolean.TRUE;
        case 'F':
          return Boolean.FALSE;
        case 'S':
        case 'H':
          return readString();
        case 'C':
          return String.valueOf((char) in.readUnsignedByte());
        case 'd':
          return in.readFloat();
        case 'D':
          return in.readDouble();
        case 'i':
        case 'U':
        case 'I':
        case 'l':
        case 'L':
          return readInteger(marker);
        case 'N':
          return readValue(nextMarker());
        default:
          throw new ModelFormatException("not UBJSON: unknown type marker " + describe(marker));
      }
    } catch (EOFException e) {
      throw new ModelFormatException("the UBJSON document is truncated");
    }
  }

  private long readInteger(int marker) throws IOException {
    switch (marker) {
      case 'i':
        return in.readByte();
      case 'U':
        return in.readUnsignedByte();
      case 'I':
        return in.readShort();
      case 'l':
        return in.readInt();
      case 'L':
        return in.readLong();
      default:
        throw new ModelFormatException("expected an integer type marker, found " + describe(marker));
    }
  }

  private int readLength() throws IOException {
    long n = readInteger(nextMarker());
    if (n < 0 || n > MAX_LENGTH) {
      throw new ModelFormatException("invalid UBJSON length " + n);
    }
    return (int) n;
  }

  private String readString() throws IOException {
    byte[] bytes = new byte[readLength()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private Map<String, Object> readObject() throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    int type = -1;
    int count = -1;
    int m = nextMarker();
    if (m == '$') {
      type = in.readUnsignedByte();
      m = nextMarker();
      if (m != '#') {
        throw new ModelFormatException("UBJSON object with a type ('$') must give a count ('#')");
      }
    }
    if (m == '#') {
      count = readLength();
    }
    if (count >= 0) {
      for (int i = 0; i < count; i++) {
        String key = readString();
        object.put(key, readValue(type >= 0 ? type : nextMarker()));
      }
      return object;
    }
    for (; m != '}'; m = nextMarker()) {
      // m is the first byte of the key's length marker
      long n = readInteger(m);
      if (n < 0 || n > MAX_LENGTH) {
        throw new ModelFormatException("invalid UBJSON key length " + n);
      }
      byte[] key = new byte[(int) n];
      in.readFully(key);
      object.put(new String(key, StandardCharsets.UTF_8), readValue(nextMarker()));
    }
    return object;
  }

  private Object readArray() throws IOException {
    int type = -1;
    int m = nextMarker();
    if (m == '$') {
      type = in.readUnsignedByte();
      m = nextMarker();
      if (m != '#') {
        throw new ModelFormatException("UBJSON array with a type ('$') must give a count ('#')");
      }
    }
    if (m == '#') {
      int count = readLength();
      return type >= 0 ? readTypedArray(type, count) : readCountedArray(count);
    }
    List<Object> array = new ArrayList<>();
    for (; m != ']'; m = nextMarker()) {
      array.add(readValue(m));
    }
    return array;
  }

  private List<Object> readCountedArray(int count) throws IOException {
    List<Object> array = new ArrayList<>(Math.min(count, 1 << 16));
    for (int i = 0; i < count; i++) {
      array.add(readValue(nextMarker()));
    }
    return array;
  }

  private Object readTypedArray(int type, int count) throws IOException {
    switch (type) {
      case 'd': {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
          a[i] = in.readFloat();
        }
        return a;
      }
      case 'D': {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
          a[i] = in.readDouble();
        }
        return a;
      }
      case 'i':
      case 'U':
      case 'I':
      case 'l':
      case 'L': {
        long[] a = new long[count];
        for (int i = 0; i < count; i++) {
          a[i] = readInteger(type);
        }
        return a;
      }
      default: {
        List<Object> array = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
          array.add(readValue(type));
        }
        return array;
      }
    }
  }

  private static String describe(int marker) {
    return marker >= 0x20 && marker < 0x7f ? "'" + (char) marker + "'" : String.format("0x%02x", marker);
  }
}
