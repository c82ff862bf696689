package io.prodline.train;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.BundleWriter;
import io.prodline.core.bundle.Provenance;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FittedTransform;
import io.prodline.train.label.LabelEncoding;
import io.prodline.train.trainer.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A trained model with everything needed to judge it and package it: the fitted transform, the model, the eval
 * rows with their predictions and the metrics computed on them.
 *
 * @param spec as run, with the transform spec that was fitted (the default one when none was given; null when a
 *     transform fitted beforehand came without its spec)
 * @param evalPredictions the model's predictions on {@code evalRows}, row-major, {@code outputWidth} per row, as
 *     the training library computes them; empty when no in-process runtime can run the model
 * @param metrics on the eval rows; the trainer's own report when the model cannot be run in-process
 * @param droppedRows rows left out of training because their label was missing
 * @param durationMillis wall time of the whole job, split to evaluation
 */
public record TrainingResult(TrainingSpec spec, LabelEncoding labels, FittedTransform transform, TrainedModel model,
                             List<Field> inputs, Frame trainRows, Frame evalRows, float[] evalTarget,
                             float[] evalPredictions, int outputWidth, Map<String, Double> metrics,
                             long droppedRows, DataSource data, long durationMillis) {

  /** The file the data came from and its SHA-256, for provenance. */
  public record DataSource(String path, String sha256) {}

  public static final String TRANSFORM_FILE = "transform.json";

  /** Writes the bundle atomically to {@code directory} (which must not exist) with the given version. */
  public Bundle writeBundle(Path directory, long version) throws IOException {
    BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, spec.modelName(), version,
        model.runtime(), model.modelFileName(), TRANSFORM_FILE, labels.task(), labels.label(), labels.classes(),
        inputs, metrics,
        Provenance.of(data.path(), data.sha256(), spec.transform() == null ? null : spec.transform().sha256(),
            transform.sha256(), trainRows.rowCount(), evalRows.rowCount(), spec.trainer().name(),
            spec.trainer().parameters()),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), model.learningCurves(), model.featureImportance());
    return BundleWriter.write(directory, manifest, transform, model::writeModel);
  }
}
