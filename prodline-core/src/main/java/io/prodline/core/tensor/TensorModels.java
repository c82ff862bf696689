package io.prodline.core.tensor;

import io.prodline.core.error.ProdlineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Loads the model file of a version directory as a {@link TensorModel}, through the format that takes its name. */
public final class TensorModels {
  private static final List<TensorModelFormat> FORMATS = ServiceLoader.load(TensorModelFormat.class).stream()
      .map(ServiceLoader.Provider::get).toList();

  private TensorModels() {}

  /**
   * The tensor model of the one file in {@code directory} a format takes.
   *
   * @throws ProdlineException when no format takes a file there, or the file cannot be served
   */
  public static TensorModel load(Path directory) {
    for (TensorModelFormat format : FORMATS) {
      for (String name : format.fileNames()) {
        Path file = directory.resolve(name);
        if (Files.isRegularFile(file)) {
          return format.load(file);
        }
      }
    }
    throw new ProdlineException(directory + " holds no model file that can be served as tensors; accepted: "
        + FORMATS.stream().flatMap(f -> f.fileNames().stream()).toList());
  }
}
