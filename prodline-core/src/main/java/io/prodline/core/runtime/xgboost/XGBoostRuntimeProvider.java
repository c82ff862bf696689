package io.prodline.core.runtime.xgboost;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimeProvider;
import java.nio.file.Path;

/** The {@code xgboost} runtime: XGBoost JSON or UBJSON model files, evaluated in pure Java. */
public final class XGBoostRuntimeProvider implements ModelRuntimeProvider {
  /** The runtime's name in a bundle's manifest. */
  public static final String NAME = "xgboost";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelRuntime load(Path modelFile, BundleManifest manifest) {
    return XGBoostModelParser.parse(modelFile);
  }
}
