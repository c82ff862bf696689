package io.prodline.serving.protocol.v2;

import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.MessageText;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the input tensors of a request into the raw {@link Frame} a prodline model takes: one column per input
 * named in the bundle's manifest, typed as the manifest declares.
 *
 * <p>prodline models take one tensor per raw feature, each of shape {@code [N]} or {@code [N, 1]} with the same
 * {@code N}, or the protocol's scalar shape {@code []}, which is one row. The tensor's datatype must fit the feature's
 * type, checked here so the client hears which input is wrong rather than a model error:
 * <ul>
 *   <li>float64 features take any INT, UINT or FP datatype;</li>
 *   <li>int64 features take INT and UINT datatypes, and FP elements that hold an exact integer, since many
 *       clients cannot tell the two apart;</li>
 *   <li>bool features take BOOL; string features take BYTES.</li>
 * </ul>
 * The protocol has no missing values; NaN and infinite elements of a float64 feature follow {@link NonFiniteInputs},
 * checked here once for every transport (JSON, binary data, gRPC).
 *
 * <p>A bare model whose graph takes one input tensor ({@link TensorNames}, e.g. ONNX {@code features} of shape
 * {@code [N, d]}) also takes that tensor by its graph name, alone, with any INT, UINT or FP datatype and shape
 * {@code [N, d]}: it is split here into the {@code d} per-column inputs it stands for, so everything after this
 * sees the same frame as for the per-column request.
 */
public final class FrameAssembler {
  private FrameAssembler() {}

  /**
   * The frame of {@code tensors} for a model taking {@code inputs}, which together form the graph tensor
   * {@code graph.input()} when {@code graph} is not {@code null}; {@link BadRequestException} on a misfit.
   *
   * @param nonFinite which NaN and infinite elements may reach the model
   */
  public static Frame assemble(List<InputTensor> tensors, List<Field> inputs, TensorNames graph,
      NonFiniteInputs nonFinite) {
    if (graph != null) {
      List<InputTensor> split = splitGraphTensor(tensors, inputs, graph.input(), nonFinite);
      // The graph tensor's elements were checked for NaN whole, where a refusal can name the tensor the client
      // sent; its columns are not scanned again.
      nonFinite = split != tensors ? NonFiniteInputs.ALLOWED : nonFinite;
      tensors = split;
    }
    Map<String, InputTensor> byName = new HashMap<>();
    for (InputTensor t : tensors) {
      if (byName.put(t.name(), t) != null) {
        throw new BadRequestException("input '" + t.name() + "' is given twice");
      }
    }
    List<String> names = inputs.stream().map(Field::name).toList();
    String graphInput = graph == null ? null : graph.input();
    int known = 0;
    for (String name : names) {
      known += byName.containsKey(name) ? 1 : 0;
    }
    if (known < byName.size()) { // a tensor the model does not take; a set only now, not per request
      Set<String> taken = new HashSet<>(names);
      for (InputTensor t : tensors) {
        if (!taken.contains(t.name())) {
          throw new BadRequestException("unknown input '" + t.name() + "'; the model takes "
              + takes(names, graphInput));
        }
      }
    }
    List<Column> columns = new ArrayList<>(inputs.size());
    int rows = -1;
    String first = null;
    for (Field input : inputs) {
      InputTensor tensor = byName.get(input.name());
      if (tensor == null) {
        // A graph model's metadata lists its graph tensor alone: a request with none is told of that one first.
        throw new BadRequestException(tensors.isEmpty() && graphInput != null
            ? "the request has no inputs; the model takes " + takes(names, graphInput)
            : "input '" + input.name() + "' is missing; the model takes " + MessageText.names(names) + ", one tensor"
                + " each");
      }
      int n = rowsOf(tensor);
      if (rows >= 0 && n != rows) {
        throw new BadRequestException("input '" + input.name() + "' has " + n + " rows but '" + first + "' has "
            + rows + "; every input needs one element per row");
      }
      rows = n;
      first = first == null ? input.name() : first;
      columns.add(column(tensor, input, nonFinite));
    }
    return Frame.of(names, columns);
  }

  /**
   * {@code tensors} with the graph's input tensor, when it is among them, replaced by one {@code [N]} tensor per
   * column; unchanged otherwise.
   */
  private static List<InputTensor> splitGraphTensor(List<InputTensor> tensors, List<Field> inputs, String name,
      NonFiniteInputs nonFinite) {
    InputTensor whole = null;
    for (InputTensor t : tensors) {
      if (t.name().equals(name)) {
        whole = t;
      }
    }
    if (whole == null) {
      return tensors;
    }
    int width = inputs.size();
    if (tensors.size() > 1) {
      List<String> names = inputs.stream().map(Field::name).toList();
      for (InputTensor t : tensors) {
        if (t != whole && t.name().equals(name)) {
          throw new BadRequestException("input '" + name + "' is given twice");
        }
        if (!t.name().equals(name) && !names.contains(t.name())) {
          throw new BadRequestException("unknown input '" + t.name() + "'; the model takes "
              + takes(names, name));
        }
      }
      throw new BadRequestException("input '" + name + "' holds all " + width + " columns of the model; send it "
          + "alone, or the per-column inputs " + inputs.get(0).name() + " .. " + inputs.get(width - 1).name()
          + " one tensor each, not both");
    }
    long[] shape = whole.shape();
    if (shape.length != 2 || shape[1] != width || shape[0] < 1) {
      throw new BadRequestException("input '" + name + "' has shape " + Arrays.toString(shape) + "; the model takes "
          + "[N, " + width + "]" + (shape.length == 2 && shape[1] == width ? ", at least one row" : ""));
    }
    int rows = (int) shape[0];
    if ((long) rows * width != whole.data().size()) {
      throw new BadRequestException("input '" + name + "' has shape " + Arrays.toString(shape) + " but "
          + whole.data().size() + " elements");
    }
    List<InputTensor> columns = new ArrayList<>(width);
    long[] columnShape = {rows};
    if (whole.data() instanceof TensorData.Doubles d) {
      requireAccepted(whole, d.values(), nonFinite);
      for (int c = 0; c < width; c++) {
        double[] column = new double[rows];
        for (int r = 0; r < rows; r++) {
          column[r] = d.values()[r * width + c];
        }
        columns.add(new InputTensor(inputs.get(c).name(), whole.datatype(), columnShape,
            new TensorData.Doubles(column)));
      }
    } else if (whole.data() instanceof TensorData.Longs l) {
      for (int c = 0; c < width; c++) {
        long[] column = new long[rows];
        for (int r = 0; r < rows; r++) {
          column[r] = l.values()[r * width + c];
        }
        columns.add(new InputTensor(inputs.get(c).name(), whole.datatype(), columnShape,
            new TensorData.Longs(column, l.unsigned())));
      }
    } else {
      throw new BadRequestException("input '" + name + "' is " + whole.datatype() + "; send an FP, INT or UINT datatype");
    }
    return columns;
  }

  /** The inputs a model takes, in an error: its graph tensor first when it has one, as its metadata lists it. */
  private static String takes(List<String> names, String graphInput) {
    String listed = MessageText.names(names);
    return graphInput == null ? listed : "'" + graphInput + "' of shape [N, " + names.size() + "], or " + listed
        + " one tensor each";
  }

  private static int rowsOf(InputTensor t) {
    long[] shape = t.shape();
    boolean columnShaped = shape.length <= 1 || (shape.length == 2 && shape[1] == 1);
    if (!columnShaped) {
      throw new BadRequestException("input '" + t.name() + "' has shape " + Arrays.toString(shape)
          + "; prodline models take one tensor per feature, of shape [N] or [N, 1] ([] for one row)");
    }
    // The protocol's scalar, shape [], is one element: one row's value of the feature.
    long rows = shape.length == 0 ? 1 : shape[0];
    if (rows < 1) {
      throw new BadRequestException("input '" + t.name() + "' has shape " + Arrays.toString(shape)
          + "; send at least one row");
    }
    if (rows != t.data().size()) {
      throw new BadRequestException("input '" + t.name() + "' has shape " + Arrays.toString(shape) + " but "
          + t.data().size() + " elements");
    }
    return (int) rows;
  }

  private static Column column(InputTensor tensor, Field input, NonFiniteInputs nonFinite) {
    TensorData data = tensor.data();
    ColumnType type = input.type();
    return switch (type) {
      case FLOAT64 -> {
        if (data instanceof TensorData.Doubles d) {
          requireAccepted(tensor, d.values(), nonFinite);
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
  private static void requireAccepted(InputTensor tensor, double[] values, NonFiniteInputs nonFinite) {
    if (nonFinite.acceptsAll()) {
      return; // every value passes
    }
    for (int i = 0; i < values.length; i++) {
      if (!nonFinite.accepts(values[i])) {
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
