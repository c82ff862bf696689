package io.prodline.serving.protocol.v2;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the input tensors of a request into the raw {@link Frame} a prodline model takes: one column per input
 * named in the bundle's manifest, typed as the manifest declares.
 *
 * <p>prodline models take one tensor per raw feature, each of shape {@code [N]} or {@code [N, 1]} with the same
 * {@code N}. The tensor's datatype must fit the feature's type, checked here so the client hears which input is
 * wrong rather than a model error:
 * <ul>
 *   <li>float64 features take any INT, UINT or FP datatype;</li>
 *   <li>int64 features take INT and UINT datatypes, and FP elements that hold an exact integer, since many
 *       clients cannot tell the two apart;</li>
 *   <li>bool features take BOOL; string features take BYTES.</li>
 * </ul>
 * The protocol has no missing values; NaN and infinite elements of a float64 feature follow {@link NonFiniteInputs},
 * checked here once for every transport (JSON, binary data, gRPC).
 */
public final class FrameAssembler {
  private FrameAssembler() {}

  /**
   * The frame of {@code tensors} for a model taking {@code inputs}; {@link BadRequestException} on a misfit.
   *
   * @param allowNaN whether NaN and infinite elements may reach the model
   */
  public static Frame assemble(List<InputTensor> tensors, List<Field> inputs, boolean allowNaN) {
    Map<String, InputTensor> byName = new HashMap<>();
    for (InputTensor t : tensors) {
      if (byName.put(t.name(), t) != null) {
        throw new BadRequestException("input '" + t.name() + "' is given twice");
      }
    }
    List<String> names = inputs.stream().map(Field::name).toList();
    for (InputTensor t : tensors) {
      if (!names.contains(t.name())) {
        throw new BadRequestException("unknown input '" + t.name() + "'; the model takes " + names);
      }
    }
    List<Column> columns = new ArrayList<>(inputs.size());
    int rows = -1;
    String first = null;
    for (Field input : inputs) {
      InputTensor tensor = byName.get(input.name());
      if (tensor == null) {
        throw new BadRequestException("input '" + input.name() + "' is missing; the model takes " + names
            + ", one tensor each");
      }
      int n = rowsOf(tensor);
      if (rows >= 0 && n != rows) {
        throw new BadRequestException("input '" + input.name() + "' has " + n + " rows but '" + first + "' has "
            + rows + "; every input needs one element per row");
      }
      rows = n;
      first = first == null ? input.name() : first;
      columns.add(column(tensor, input, allowNaN));
    }
    return Frame.of(names, columns);
  }

  private static int rowsOf(InputTensor t) {
    long[] shape = t.shape();
    boolean columnShaped = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
    if (!columnShaped) {
      throw new BadRequestException("input '" + t.name() + "' has shape " + Arrays.toString(shape)
          + "; prodline models take one tensor per feature, of shape [N] or [N, 1]");
    }
    if (shape[0] < 1) {
      throw new BadRequestException("input '" + t.name() + "' has shape " + Arrays.toString(shape)
          + "; send at least one row");
    }
    if (shape[0] != t.data().size()) {
      throw new BadRequestException("input '" + t.name() + "' has shape " + Arrays.toString(shape) + " but "
          + t.data().size() + " elements");
    }
    return (int) shape[0];
  }

  private static Column column(InputTensor tensor, Field input, boolean allowNaN) {
    TensorData data = tensor.data();
    ColumnType type = input.type();
    return switch (type) {
      case FLOAT64 -> {
        if (data instanceof TensorData.Doubles d) {
          requireAccepted(tensor, d.values(), allowNaN);
          yield Float64Column.of(d.values());
        }
        if (data instanceof TensorData.Longs l) {
          double[] values = new double[l.values().length];
          for (int i = 0; i < values.length; i++) {
            long v = l.values()[i];
            values[i] = l.unsigned() && v < 0 ? unsignedToDouble(v) : v;
          }
          yield Float64Column.of(values);
        }
        throw mismatch(tensor, input, "any INT, UINT or FP datatype");
      }
      case INT64 -> {
        if (data instanceof TensorData.Longs l) {
          for (int i = 0; i < l.values().length; i++) {
            if (l.unsigned() && l.values()[i] < 0) {
              throw new BadRequestException("input '" + tensor.name() + "' element " + i + " is "
                  + Long.toUnsignedString(l.values()[i]) + ", beyond the int64 range of the feature");
            }
          }
          yield Int64Column.of(l.values());
        }
        if (data instanceof TensorData.Doubles d) {
          long[] values = new long[d.values().length];
          for (int i = 0; i < values.length; i++) {
            double v = d.values()[i];
            if (v != Math.rint(v) || Math.abs(v) >= 0x1p63) {
              throw new BadRequestException("input '" + tensor.name() + "' element " + i + " is " + v
                  + " but the feature is int64; send whole numbers");
            }
            values[i] = (long) v;
          }
          yield Int64Column.of(values);
        }
        throw mismatch(tensor, input, "an INT or UINT datatype");
      }
      case BOOL -> {
        if (data instanceof TensorData.Bools b) {
          yield BoolColumn.of(b.values());
        }
        throw mismatch(tensor, input, "BOOL");
      }
      case STRING -> {
        if (data instanceof TensorData.Strings s) {
          yield StringColumn.of(s.values());
        }
        throw mismatch(tensor, input, "BYTES");
      }
    };
  }

  /** Checks the whole array after decoding, so that no transport's per-element loop pays for it. */
  private static void requireAccepted(InputTensor tensor, double[] values, boolean allowNaN) {
    for (int i = 0; i < values.length; i++) {
      if (!NonFiniteInputs.accepted(values[i], allowNaN)) {
        throw NonFiniteInputs.refused("input '" + tensor.name() + "' element " + i, Double.toString(values[i]),
            "send a finite number");
      }
    }
  }

  /** The nearest double to a UINT64 above {@link Long#MAX_VALUE}, correctly rounded. */
  private static double unsignedToDouble(long bits) {
    return Double.parseDouble(Long.toUnsignedString(bits));
  }

  private static BadRequestException mismatch(InputTensor tensor, Field input, String expected) {
    return new BadRequestException("input '" + tensor.name() + "' is " + tensor.datatype() + " but the feature is "
        + input.type().fileName() + "; send " + expected);
  }
}
