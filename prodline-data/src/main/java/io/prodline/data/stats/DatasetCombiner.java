package io.prodline.data.stats;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Statistics of a stream of frames that share one layout (column names and types): the example count and one
 * {@link FeatureCombiner} per column, in column order. Mergeable with the same verbs as a {@link Combiner}, but
 * adds whole frames; memory is bounded by the feature combiners' sketches, whatever the number of rows.
 */
public final class DatasetCombiner {
  private static final int VERSION = 1;

  private final String weightColumn;
  private final List<String> names;
  private final List<ColumnType> types;
  private final List<FeatureCombiner> features;
  private long numExamples;
  private double weightedNumExamples;

  private DatasetCombiner(String weightColumn, List<String> names, List<ColumnType> types,
      List<FeatureCombiner> features) {
    this.weightColumn = weightColumn;
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.features = features;
  }

  /**
   * An empty combiner for frames with the columns of {@code layout} (its rows are not added). Throws a
   * {@link ProdlineException} if the options name a weight column that the layout lacks or that is not numeric.
   */
  public static DatasetCombiner create(Frame layout, StatisticsOptions options) {
    List<ColumnType> types = new ArrayList<>(layout.columnCount());
    List<FeatureCombiner> features = new ArrayList<>(layout.columnCount());
    for (int i = 0; i < layout.columnCount(); i++) {
      types.add(layout.type(i));
      features.add(FeatureCombiner.create(layout.name(i), layout.type(i), options));
    }
    if (options.weightColumn() != null) {
      DataColumns.of(layout).require("weight column", options.weightColumn(),
          List.of(ColumnType.FLOAT64, ColumnType.INT64));
    }
    return new DatasetCombiner(options.weightColumn(), layout.names(), types, features);
  }

  /** Adds every row of {@code frame}, which must have this combiner's column names and types, in order. */
  public void add(Frame frame) {
    requireLayout(frame);
    Weights weights = weightColumn == null
        ? Weights.unit(frame.rowCount())
        : Weights.fromColumn(weightColumn, frame.column(weightColumn));
    numExamples += frame.rowCount();
    if (weights.isUnit()) {
      weightedNumExamples += frame.rowCount();
    } else {
      for (int row = 0; row < frame.rowCount(); row++) {
        weightedNumExamples += weights.get(row);
      }
    }
    for (int i = 0; i < features.size(); i++) {
      features.get(i).add(frame.column(i), weights);
    }
  }

  private void requireLayout(Frame frame) {
    boolean same = frame.names().equals(names);
    for (int i = 0; same && i < types.size(); i++) {
      same = frame.type(i) == types.get(i);
    }
    if (!same) {
      List<ColumnType> frameTypes = new ArrayList<>(frame.columnCount());
      for (int i = 0; i < frame.columnCount(); i++) {
        frameTypes.add(frame.type(i));
      }
      throw new ProdlineException("a frame has columns " + describe(frame.names(), frameTypes)
          + " but the first frame had " + describeLayout()
          + "; every frame of a statistics pass must have the same columns and types");
    }
  }

  private String describeLayout() {
    return describe(names, types);
  }

  /** Columns as "[name:type, ...]". */
  private static String describe(List<String> names, List<ColumnType> types) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(':').append(types.get(i).fileName());
    }
    return sb.append(']').toString();
  }

  /** Folds {@code other}, which must have the same layout and weight column, into this state. */
  public void merge(DatasetCombiner other) {
    if (!other.names.equals(names) || !other.types.equals(types)
        || !Objects.equals(other.weightColumn, weightColumn)) {
      throw new IllegalArgumentException("cannot merge dataset statistics of " + other.describeLayout()
          + " into " + describeLayout());
    }
    numExamples += other.numExamples;
    weightedNumExamples += other.weightedNumExamples;
    for (int i = 0; i < features.size(); i++) {
      features.get(i).merge(other.features.get(i));
    }
  }

  /** An empty combiner with this one's layout, options and weight column. */
  DatasetCombiner emptyCopy(StatisticsOptions options) {
    List<FeatureCombiner> empty = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      empty.add(FeatureCombiner.create(names.get(i), types.get(i), options));
    }
    return new DatasetCombiner(weightColumn, names, types, empty);
  }

  public DatasetStatistics result() {
    return new DatasetStatistics(numExamples, weightedNumExamples,
        features.stream().map(FeatureCombiner::result).toList());
  }

  public byte[] toBytes() {
    StatisticBytes.Writer out = StatisticBytes.writer(StatisticFormat.DATASET, VERSION)
        .writeString(weightColumn == null ? "" : weightColumn)
        .writeLong(numExamples).writeDouble(weightedNumExamples).writeInt(features.size());
    for (FeatureCombiner f : features) {
      out.writeBytes(f.toBytes());
    }
    return out.toByteArray();
  }

  public static DatasetCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.DATASET, VERSION);
    String weight = in.readString();
    long examples = in.readLong();
    double weighted = in.readDouble();
    int count = in.readInt();
    List<String> names = new ArrayList<>(count);
    List<ColumnType> types = new ArrayList<>(count);
    List<FeatureCombiner> features = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      FeatureCombiner f = FeatureCombiner.fromBytes(in.readBytes());
      names.add(f.name());
      types.add(f.type());
      features.add(f);
    }
    in.end();
    DatasetCombiner c = new DatasetCombiner(weight.isEmpty() ? null : weight, names, types, features);
    c.numExamples = examples;
    c.weightedNumExamples = weighted;
    return c;
  }
}
