package io.prodline.train;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.BundleWriter;
import io.prodline.core.bundle.Provenance;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FittedTransform;
import io.prodline.train.label.LabelEncoding;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * A trained model with everything needed to judge it and package it: the fitted transform, the booster, the eval
 * rows with their predictions and the metrics computed on them.
 *
 * @param evalPredictions the booster's predictions on {@code evalRows}, row-major, {@code outputWidth} per row
 * @param droppedRows rows left out of training because their label was missing
 */
public record TrainingResult(TrainingSpec spec, LabelEncoding labels, FittedTransform transform, Booster booster,
                             List<Field> inputs, Frame trainRows, Frame evalRows, float[] evalTarget,
                             float[] evalPredictions, int outputWidth, Map<String, Double> metrics,
                             long droppedRows, DataSource data) {

  /** The file the data came from and its SHA-256, for provenance. */
  public record DataSource(String path, String sha256) {}

  public static final String MODEL_FILE = "model.json";
  public static final String TRANSFORM_FILE = "transform.json";

  /** Writes the bundle atomically to {@code directory} (which must not exist) with the given version. */
  public Bundle writeBundle(Path directory, long version) throws IOException {
    BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, spec.modelName(), version, "xgboost",
        MODEL_FILE, TRANSFORM_FILE, labels.task(), labels.label(), labels.classes(), inputs, metrics,
        Provenance.of(data.path(), data.sha256(), trainRows.rowCount(), evalRows.rowCount(), "xgboost",
            spec.params().describe()),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null, null);
    byte[] model = XGBoostTrainer.toJson(booster);
    return BundleWriter.write(directory, manifest, transform, file -> Files.write(file, model));
  }
}
