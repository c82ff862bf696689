package io.prodline.serving.testing;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.BundleWriter;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.core.transform.VocabularyEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes "linear-test" bundles into a model repository. String inputs get a vocabulary encoder over
 * {@link #CITIES}, so "a", "b", "c" encode as 0, 1, 2; other inputs pass through as numbers.
 */
public final class TestBundles {
  public static final List<String> CITIES = List.of("a", "b", "c");

  private TestBundles() {}

  /** Writes {@code root/<model>/<version>/} with the given linear-test model text. */
  public static Path write(Path root, String model, long version, Task task, List<String> classes,
      List<Field> inputs, String modelText) {
    BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, model, version,
        LinearTestRuntimeProvider.NAME, "model.txt", "transform.json", task, "label", classes, inputs, null, null,
        "2024-01-01T00:00:00Z", null, null);
    List<FeatureEncoder> encoders = new ArrayList<>();
    for (Field f : inputs) {
      encoders.add(f.type() == ColumnType.STRING ? new VocabularyEncoder(f.name(), CITIES) : new NumericEncoder(f.name()));
    }
    Path dir = root.resolve(model).resolve(Long.toString(version));
    try {
      BundleWriter.write(dir, manifest, FittedTransform.of(encoders), file -> Files.writeString(file, modelText));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** A version directory whose bundle.yaml is not YAML at all. */
  public static Path writeGarbage(Path root, String model, long version) {
    Path dir = root.resolve(model).resolve(Long.toString(version));
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("bundle.yaml"), "{{{ this is : not: [a bundle");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  public static Field field(String name, ColumnType type) {
    return new Field(name, type);
  }
}
