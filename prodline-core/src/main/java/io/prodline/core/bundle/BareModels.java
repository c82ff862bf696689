package io.prodline.core.bundle;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.NumericEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Serves a model file exactly as its framework saved it ({@code model.json} / {@code model.ubj} from XGBoost,
 * {@code model.onnx}), with no {@code bundle.yaml}, by synthesising the bundle in memory from the signature the
 * file carries: every model input becomes a float64 input of the same name passed through unchanged (an identity
 * transform of {@link NumericEncoder}s), so a request or a CSV names the model's own features. Users can then drop
 * models trained anywhere into a model repository, and nothing downstream (predictor, server, batch prediction)
 * needs to know the bundle was never written.
 *
 * <p>The synthesised manifest names the model after the version directory's parent and takes the version from the
 * directory's name when it is a number (the {@code <root>/<model>/<version>/} layout), else 1. It has no label,
 * metrics or provenance: a bare file does not record them. When the file's framework takes its inputs as one tensor
 * (an ONNX graph, an XGBoost matrix), the bundle's {@link Bundle#tensors()} keeps that tensor's and the output's names, so that
 * protocols addressing tensors can accept the graph's own names as well as the per-column ones.
 */
public final class BareModels {
  private static final List<BareModelFormat> FORMATS = ServiceLoader.load(BareModelFormat.class).stream()
      .map(ServiceLoader.Provider::get).toList();

  private BareModels() {}

  /** The bare model file names this prodline accepts, in the order of its runtimes. */
  public static List<String> acceptedFiles() {
    return FORMATS.stream().flatMap(f -> f.fileNames().stream()).toList();
  }

  /** Whether {@code directory} holds one of the {@link #acceptedFiles()}. */
  public static boolean present(Path directory) {
    return acceptedFiles().stream().anyMatch(name -> Files.isRegularFile(directory.resolve(name)));
  }

  /** Reads the one bare model file in {@code directory} as a bundle. */
  public static Bundle read(Path directory) {
    List<String> found = new ArrayList<>();
    BareModelFormat format = null;
    for (BareModelFormat candidate : FORMATS) {
      for (String name : candidate.fileNames()) {
        if (Files.isRegularFile(directory.resolve(name))) {
          found.add(name);
          format = candidate;
        }
      }
    }
    if (found.isEmpty()) {
      throw new ProdlineException(directory + " holds no bare model file; accepted: " + acceptedFiles());
    }
    if (found.size() > 1) {
      throw new ProdlineException(directory + " holds several model files " + found
          + " and no " + BundleReader.MANIFEST + " to say which one to serve; keep one per version directory");
    }
    Path modelFile = directory.resolve(found.get(0));
    BareSignature signature = format.read(modelFile);
    return new Bundle(directory, manifest(directory, format.runtime(), found.get(0), signature),
        identity(signature.inputs()), signature.tensors());
  }

  private static BundleManifest manifest(Path directory, String runtime, String modelFile, BareSignature signature) {
    List<Field> inputs = signature.inputs().stream().map(name -> new Field(name, ColumnType.FLOAT64)).toList();
    return new BundleManifest(BundleManifest.FORMAT_VERSION, modelName(directory), version(directory), runtime,
        modelFile, null, signature.task(), null, signature.classes(), inputs, null, null, null, null, null);
  }

  private static FittedTransform identity(List<String> inputs) {
    List<FeatureEncoder> encoders = new ArrayList<>(inputs.size());
    for (String input : inputs) {
      encoders.add(new NumericEncoder(input));
    }
    return FittedTransform.of(encoders);
  }

  private static String modelName(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path named = isVersion(absolute) && parent != null && parent.getFileName() != null ? parent : absolute;
    return named.getFileName() == null ? "model" : named.getFileName().toString();
  }

  private static long version(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    return isVersion(absolute) ? Long.parseLong(absolute.getFileName().toString()) : 1;
  }

  private static boolean isVersion(Path directory) {
    Path name = directory.getFileName();
    return name != null && name.toString().matches("[1-9][0-9]{0,17}");
  }
}
