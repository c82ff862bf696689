package io.prodline.serving.testing;

import static io.prodline.serving.testing.TestBundles.field;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model repository the server tests run against:
 * <ul>
 *   <li>{@code houses} (regression; age float64, rooms int64, city string): version 1 weights 1, 10, 100;
 *       version 2 weights 2, 20, 200; version 3 is a broken bundle, so version 2 is the default; all three are
 *       served ({@code models.yaml}: {@code version_policy: all}), and label {@code stable} names version 1;</li>
 *   <li>{@code iris} (multiclass setosa/versicolor/virginica; x, y): outputs x, y and (x + y) / 2;</li>
 *   <li>{@code churn} (binary stay/leave; active bool, score float64): output 0.5 * active + 0.25 * score;</li>
 *   <li>{@code slow} (regression; x): output x after 300 ms;</li>
 *   <li>{@code exploding} (regression; x): every prediction throws.</li>
 * </ul>
 */
public final class TestRepository {
  public static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

  private TestRepository() {}

  public static Path create(Path root) {
    List<io.prodline.core.schema.Field> houseInputs = List.of(
        field("age", ColumnType.FLOAT64), field("rooms", ColumnType.INT64), field("city", ColumnType.STRING));
    TestBundles.write(root, "houses", 1, Task.REGRESSION, List.of(), houseInputs, "1 10 100");
    TestBundles.write(root, "houses", 2, Task.REGRESSION, List.of(), houseInputs, "2 20 200");
    TestBundles.writeGarbage(root, "houses", 3);
    try {
      Files.writeString(root.resolve("models.yaml"),
          "models:\n  houses:\n    version_policy: all\n    labels: {stable: 1}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestBundles.write(root, "iris", 1, Task.MULTICLASS_CLASSIFICATION, CLASSES,
        List.of(field("x", ColumnType.FLOAT64), field("y", ColumnType.FLOAT64)), "1 0\n0 1\n0.5 0.5\n");
    TestBundles.write(root, "churn", 1, Task.BINARY_CLASSIFICATION, List.of("stay", "leave"),
        List.of(field("active", ColumnType.BOOL), field("score", ColumnType.FLOAT64)), "0.5 0.25");
    TestBundles.write(root, "slow", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        "sleep 300\n1\n");
    TestBundles.write(root, "exploding", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        "fail\n1\n");
    return root;
  }

  /**
   * Model "gated", version 1: one float64 input {@code x}, and a model that answers 1 once
   * {@link LinearTestRuntimeProvider#GATE} opens, for holding a prediction worker busy. Returns the version directory.
   */
  public static Path gated(Path root) {
    return TestBundles.write(root, "gated", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        "gate\n1\n");
  }

  /**
   * The bare XGBoost fixture {@code src/test/resources/xgboost/stumps/model.json} as version 1 of {@code model}: two
   * hand-written stumps with base score 1, feature 0 split at 0.5 (leaves -0.5 / 0.5, missing left), feature 1 at
   * 2.0 (leaves 0.125 / -0.25, missing right). Returns the version directory.
   */
  public static Path xgboostStumps(Path root, String model) {
    try {
      Path version = Files.createDirectories(root.resolve(model).resolve("1"));
      Files.copy(Path.of("src/test/resources/xgboost/stumps/model.json"), version.resolve("model.json"));
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
