package io.prodline.train;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FittedTransform;
import io.prodline.train.label.LabelEncoding;
import io.prodline.train.metrics.Metrics;
import io.prodline.train.split.HashSplit;
import io.prodline.train.split.StratifiedSplit;
import io.prodline.train.trainer.FeatureNames;
import io.prodline.train.trainer.TrainedModel;
import io.prodline.train.trainer.TrainingData;
import io.prodline.train.transform.TransformFitter;
import io.prodline.train.transform.TransformSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a model from a raw {@link Frame}: drops rows without a label, splits train/eval (by hash, or stratified),
 * fits the transform (the spec's, or the default) on the train rows only, hands the encoded rows to the spec's
 * trainer and evaluates the model on the eval rows.
 */
public final class TrainingJob {
  private TrainingJob() {}

  public static TrainingResult run(Frame data, TrainingResult.DataSource source, TrainingSpec spec) {
    return run(data, source, spec, null);
  }

  /**
   * Like {@link #run(Frame, TrainingResult.DataSource, TrainingSpec)}, but with a transform fitted beforehand (a
   * pipeline's Transform step, fitted on the whole train split) used as it is instead of fitting the spec's on this
   * job's train rows; null fits as usual. Its inputs must be columns of {@code data} and must not include the label.
   */
  public static TrainingResult run(Frame data, TrainingResult.DataSource source, TrainingSpec spec,
      FittedTransform fitted) {
    long started = System.nanoTime();
    if (!data.has(spec.label())) {
      throw new ProdlineException("label column '" + spec.label() + "' is not in the data; columns are " + data.names());
    }
    Frame labelled = dropMissingLabels(data, spec.label());
    long dropped = data.rowCount() - labelled.rowCount();
    LabelEncoding labels = LabelEncoding.infer(spec.label(), labelled.column(spec.label()), spec.task());

    HashSplit.Result split = split(labelled, labels, spec);
    if (split.trainRows().length == 0 || split.evalRows().length == 0) {
      throw new ProdlineException("the split left " + split.trainRows().length + " train and "
          + split.evalRows().length + " eval rows out of " + labelled.rowCount() + "; more data is needed");
    }
    Frame train = labelled.take(split.trainRows());
    Frame eval = labelled.take(split.evalRows());

    TransformSpec transformSpec = spec.transform() != null || fitted != null ? spec.transform()
        : defaultTransform(data, spec.label());
    List<String> transformInputs = fitted != null ? fitted.inputs() : transformSpec.inputs();
    if (transformInputs.contains(spec.label())) {
      throw new ProdlineException("the transform reads the label column '" + spec.label() + "'; a model must not "
          + "see its label among its inputs");
    }
    FittedTransform transform = fitted != null ? fitted : TransformFitter.fit(transformSpec, train);
    List<Field> inputs = new ArrayList<>();
    for (String f : transform.inputs()) {
      inputs.add(new Field(f, data.column(f).type()));
    }
    float[] evalX = transform.apply(eval);
    float[] evalY = labels.encode(eval.column(spec.label()));
    TrainingData encoded = new TrainingData(labels.task(), labels.classes(), FeatureNames.of(transform),
        transform.width(), transform.apply(train), labels.encode(train.column(spec.label())), evalX, evalY);
    TrainedModel model = spec.trainer().fit(encoded);

    Optional<float[]> predicted = model.predict(evalX, eval.rowCount());
    float[] evalPred = predicted.orElse(new float[0]);
    int outputWidth = evalPred.length / eval.rowCount();
    Map<String, Double> metrics = predicted.isEmpty() ? model.reportedMetrics() : switch (labels.task()) {
      case BINARY_CLASSIFICATION -> Metrics.binary(evalPred, evalY);
      case MULTICLASS_CLASSIFICATION -> Metrics.multiclass(evalPred, outputWidth, evalY);
      case REGRESSION -> Metrics.regression(evalPred, evalY);
    };
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new TrainingResult(spec.withTransform(transformSpec), labels, transform, model, inputs, train, eval, evalY,
        evalPred, outputWidth, metrics, dropped, source, millis);
  }

  private static HashSplit.Result split(Frame labelled, LabelEncoding labels, TrainingSpec spec) {
    if (!spec.stratify()) {
      return new HashSplit(spec.evalFraction(), spec.splitKey(), spec.splitSeed()).split(labelled);
    }
    if (!labels.task().isClassification()) {
      throw new ProdlineException("a stratified split needs a classification label; '" + spec.label()
          + "' is a regression target");
    }
    return new StratifiedSplit(spec.evalFraction(), spec.splitSeed())
        .split(labels.encode(labelled.column(spec.label())));
  }

  /** Every column but the label, each as itself. */
  private static TransformSpec defaultTransform(Frame data, String label) {
    List<String> features = new ArrayList<>(data.names());
    features.remove(label);
    if (features.isEmpty()) {
      throw new ProdlineException("the data has no column besides the label '" + label + "' to learn from");
    }
    return TransformSpec.defaults(features);
  }

  private static Frame dropMissingLabels(Frame data, String label) {
    Column column = data.column(label);
    if (column.nullCount() == 0) {
      return data;
    }
    int[] keep = new int[data.rowCount() - column.nullCount()];
    int n = 0;
    for (int row = 0; row < data.rowCount(); row++) {
      if (!column.isNull(row)) {
        keep[n++] = row;
      }
    }
    return data.take(keep);
  }
}
