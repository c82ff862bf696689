package io.prodline.serving.grpc.tfserving;

import com.google.protobuf.Int64Value;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.lifecycle.VersionSelector;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.PredictRequestDecoder;

/**
 * Reads a request's {@link ModelSpec} as TF Serving does (a version number or a label, else the default version)
 * and writes the one an answer echoes.
 */
final class ModelSpecs {
  private ModelSpecs() {}

  /** The model asked for; {@link BadRequestException} when the spec names none. */
  static String model(ModelSpec spec) {
    if (spec.getName().isEmpty()) {
      throw new BadRequestException("model_spec.name is empty; name the model in the request's model_spec");
    }
    return spec.getName();
  }

  static VersionSelector selector(ModelSpec spec) {
    return switch (spec.getVersionChoiceCase()) {
      case VERSION -> VersionSelector.number(spec.getVersion().getValue());
      case VERSION_LABEL -> VersionSelector.label(spec.getVersionLabel());
      case VERSIONCHOICE_NOT_SET -> VersionSelector.DEFAULT;
    };
  }

  /** The spec an answer echoes: the model and the version that answered, by number even when asked by label. */
  static ModelSpec.Builder answered(String model, long version) {
    return ModelSpec.newBuilder().setName(model).setVersion(Int64Value.of(version));
  }

  /** The spec a prediction echoes: the version that answered and the one signature every prodline model has. */
  static ModelSpec.Builder predicted(VersionHandle version) {
    return answered(version.model(), version.version()).setSignatureName(PredictRequestDecoder.SIGNATURE);
  }
}
