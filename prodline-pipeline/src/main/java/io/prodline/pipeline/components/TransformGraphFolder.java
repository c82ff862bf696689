package io.prodline.pipeline.components;

import io.prodline.core.transform.FittedTransform;
import io.prodline.train.transform.TransformSpec;
import io.prodline.train.transform.TransformSpecReader;
import java.nio.file.Path;

/**
 * The layout of a TransformGraph artifact: {@code transform.json}, the fitted transform (the same file a bundle
 * holds), and {@code transform.yaml}, the spec it was fitted from, byte for byte.
 */
public final class TransformGraphFolder {
  public static final String TRANSFORM = "transform.json";
  public static final String SPEC = "transform.yaml";

  private TransformGraphFolder() {}

  public static FittedTransform transform(Path folder) {
    return FittedTransform.read(folder.resolve(TRANSFORM));
  }

  public static TransformSpec spec(Path folder) {
    return TransformSpecReader.read(folder.resolve(SPEC));
  }
}
