package io.prodline.bench.jmh;

import io.prodline.bench.LearnableRows;
import io.prodline.core.bundle.Task;
import io.prodline.core.runtime.xgboost.XGBoostModelParser;
import io.prodline.core.runtime.xgboost.XGBoostRuntime;
import io.prodline.train.trainer.TrainingData;
import io.prodline.train.xgboost.XGBoostModel;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the pure-Java XGBoost runtime that serves bundles ({@link XGBoostRuntime#predict}), for a model of
 * 100 trees of depth 6 over 30 features, trained by XGBoost4J in setup on {@link LearnableRows} so the trees are
 * as full as real ones. One request is 1 row or 64 rows; requests cycle through different rows so branch
 * prediction cannot memorise one path. The peer, in the same run: the same booster predicting through
 * XGBoost4J's native library ({@link XGBoostTrainer#predict}: a DMatrix per request, as a server would).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class XGBoostPredictBenchmark {
  static final int FEATURES = 30;
  static final int BATCH = 64;
  private static final int REQUESTS = 1024;

  private XGBoostRuntime runtime;
  private Booster booster;
  private float[][] singles;
  private float[][] batches;
  private int next;

  @Setup
  public void setUp() {
    booster = train().booster();
    runtime = XGBoostModelParser.parse(XGBoostTrainer.toJson(booster), "XGBoostPredictBenchmark");
    LearnableRows rows = new LearnableRows(FEATURES, 2);
    singles = new float[REQUESTS][];
    for (int r = 0; r < REQUESTS; r++) {
      singles[r] = features(rows, 1);
    }
    batches = new float[REQUESTS / BATCH][];
    for (int b = 0; b < batches.length; b++) {
      batches[b] = features(rows, BATCH);
    }
  }

  @Benchmark
  public float[] predictOneRow() {
    next = (next + 1) % singles.length;
    return runtime.predict(singles[next], 1);
  }

  @Benchmark
  public float[] predict64Rows() {
    next = (next + 1) % batches.length;
    return runtime.predict(batches[next], BATCH);
  }

  @Benchmark
  public float[] nativePredictOneRow() {
    next = (next + 1) % singles.length;
    return XGBoostTrainer.predict(booster, singles[next], 1, FEATURES);
  }

  @Benchmark
  public float[] nativePredict64Rows() {
    next = (next + 1) % batches.length;
    return XGBoostTrainer.predict(booster, batches[next], BATCH, FEATURES);
  }

  private static XGBoostModel train() {
    int trainRows = 50_000;
    int evalRows = 5_000;
    LearnableRows rows = new LearnableRows(FEATURES, 1);
    float[] trainX = new float[trainRows * FEATURES];
    float[] trainY = labelled(rows, trainX, trainRows);
    float[] evalX = new float[evalRows * FEATURES];
    float[] evalY = labelled(rows, evalX, evalRows);
    List<String> names = new ArrayList<>();
    for (int f = 0; f < FEATURES; f++) {
      names.add("f" + f);
    }
    TrainingData data = new TrainingData(Task.BINARY_CLASSIFICATION, List.of("0", "1"), names, FEATURES, trainX,
        trainY, evalX, evalY);
    return new XGBoostTrainer(XGBoostParams.defaults()).fit(data);
  }

  private static float[] labelled(LearnableRows rows, float[] features, int count) {
    float[] labels = new float[count];
    double[] x = new double[FEATURES];
    for (int r = 0; r < count; r++) {
      rows.next(x);
      for (int f = 0; f < FEATURES; f++) {
        features[r * FEATURES + f] = (float) x[f];
      }
      labels[r] = LearnableRows.label(x);
    }
    return labels;
  }

  private static float[] features(LearnableRows rows, int count) {
    float[] features = new float[count * FEATURES];
    labelled(rows, features, count);
    return features;
  }
}
