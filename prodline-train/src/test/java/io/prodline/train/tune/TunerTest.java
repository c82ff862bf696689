package io.prodline.train.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.evaluate.Metric;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerTest {
  static Frame cancer;
  static final TrainingResult.DataSource SOURCE = new TrainingResult.DataSource("cancer.csv", "0");

  @BeforeAll
  static void readData() {
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/breast_cancer.csv"))) {
      cancer = csv.readAll();
    }
  }

  private static SearchSpace space(Path dir, String yaml) throws Exception {
    return SearchSpace.read(Files.writeString(dir.resolve("space.yaml"), yaml));
  }

  private static Tuner tuner(int parallel, List<Trial> seen, Set<String> threads) {
    return new Tuner(p -> new XGBoostTrainer(XGBoostParams.fromMap(p)), parallel, 1, (trial, result) -> {
      seen.add(trial);
      threads.add(Thread.currentThread().getName());
    });
  }

  @Test
  void randomSearchRecordsEveryTrialRunsThemInParallelAndExplainsTheBest(@TempDir Path dir) throws Exception {
    SearchSpace space = space(dir, """
        fixed: {rounds: 10}
        params:
          max_depth: {int: [1, 6]}
          eta: {float: [0.01, 0.5], log: true}
        """);
    List<Trial> seen = Collections.synchronizedList(new ArrayList<>());
    Set<String> threads = ConcurrentHashMap.newKeySet();
    TuneResult r = tuner(2, seen, threads).tune(cancer, SOURCE, TrainingSpec.defaults("m", "diagnosis"), space,
        Strategy.RANDOM, 6);
    assertThat(r.trials()).hasSize(6).allSatisfy(t -> assertThat(t.params()).containsEntry("rounds", 10));
    assertThat(seen).hasSize(6);
    assertThat(threads).hasSize(2);
    assertThat(r.metric()).isEqualTo(Metric.ROC_AUC);
    double bestScore = r.trials().stream().mapToDouble(Trial::score).max().orElseThrow();
    assertThat(r.best().score()).isEqualTo(bestScore);
    assertThat(r.runnerUp().score()).isLessThanOrEqualTo(bestScore);
    assertThat(r.retrained().metrics().get("roc_auc")).isEqualTo(bestScore);
    assertThat(r.explanation()).contains("Chose trial " + r.best().number()).contains("roc_auc")
        .contains("Runner-up: trial " + r.runnerUp().number()).contains("higher is better");
  }

  @Test
  void gridSearchTriesEveryCombination(@TempDir Path dir) throws Exception {
    SearchSpace space = space(dir, """
        fixed: {rounds: 5}
        params:
          max_depth: {int: [2, 3]}
          booster: {choice: [gbtree, gblinear]}
        """);
    TuneResult r = tuner(3, new ArrayList<>(), ConcurrentHashMap.newKeySet()).tune(cancer, SOURCE,
        TrainingSpec.defaults("m", "diagnosis"), space, Strategy.GRID, 0);
    assertThat(r.trials()).extracting(t -> t.params().get("max_depth") + "/" + t.params().get("booster"))
        .containsExactly("2/gbtree", "2/gblinear", "3/gbtree", "3/gblinear");
  }

  @Test
  void successiveHalvingGivesTheBestThirdThreeTimesTheBudget(@TempDir Path dir) throws Exception {
    SearchSpace space = space(dir, """
        params:
          max_depth: {int: [1, 8]}
          eta: {float: [0.05, 0.5]}
        halving: {param: rounds, min: 3, max: 27, factor: 3}
        """);
    TuneResult r = tuner(4, Collections.synchronizedList(new ArrayList<>()), ConcurrentHashMap.newKeySet())
        .tune(cancer, SOURCE, TrainingSpec.defaults("m", "diagnosis"), space, Strategy.HALVING, 9);
    assertThat(r.trials()).extracting(t -> t.params().get("rounds")).containsExactly(
        3, 3, 3, 3, 3, 3, 3, 3, 3, 9, 9, 9, 27);
    assertThat(r.best().params()).containsEntry("rounds", 27);
    assertThat(r.runnerUp()).isNull();
  }

  @Test
  void failedTrialsAreRecordedAndTheSearchGoesOn(@TempDir Path dir) throws Exception {
    SearchSpace space = space(dir, """
        fixed: {rounds: 5}
        params:
          max_depth: {choice: [0, 3]}
        """);
    List<Trial> seen = Collections.synchronizedList(new ArrayList<>());
    TuneResult r = tuner(1, seen, ConcurrentHashMap.newKeySet()).tune(cancer, SOURCE,
        TrainingSpec.defaults("m", "diagnosis"), space, Strategy.GRID, 0);
    assertThat(seen).hasSize(2);
    assertThat(r.trials().get(0).error()).contains("max_depth must be between 1 and 64");
    assertThat(r.best().params()).containsEntry("max_depth", 3);
  }

  @Test
  void badSpacesAreExplained(@TempDir Path dir) {
    assertThatThrownBy(() -> space(dir, "params:\n  eta: {float: [0, 1], log: true}\n"))
        .hasMessageContaining("min > 0");
    assertThatThrownBy(() -> space(dir, "params:\n  eta: {float: [0.1, 1], choice: [1]}\n"))
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(() -> space(dir, "params:\n  eta: {flaot: [0.1, 1]}\n")).hasMessageContaining("flaot");
    assertThatThrownBy(() -> Strategy.parse("bayes")).hasMessageContaining("random, grid or halving");
  }

  @Test
  void logScaleDrawsSpreadOverOrdersOfMagnitude(@TempDir Path dir) throws Exception {
    SearchSpace space = space(dir, "params:\n  eta: {float: [0.001, 1], log: true}\n  d: {int: [1, 3]}\n");
    List<Map<String, Object>> draws = Sampler.random(space, 2000, 3);
    long belowHundredth = draws.stream().filter(d -> (double) d.get("eta") < 0.01).count();
    assertThat(draws).allSatisfy(d -> assertThat((double) d.get("eta")).isBetween(0.001, 1.0));
    assertThat(belowHundredth).isBetween(550L, 790L); // a third of the log range; uniform would give ~18
    assertThat(draws.stream().map(d -> d.get("d")).distinct()).containsExactlyInAnyOrder(1L, 2L, 3L);
  }
}
