package io.prodline.serving.grpc;

import io.prodline.serving.grpc.v2.DataType;
import io.prodline.serving.grpc.v2.ModelConfig;
import io.prodline.serving.grpc.v2.ModelConfigResponse;
import io.prodline.serving.grpc.v2.ModelDynamicBatching;
import io.prodline.serving.grpc.v2.ModelInput;
import io.prodline.serving.grpc.v2.ModelOutput;
import io.prodline.serving.grpc.v2.ModelParameter;
import io.prodline.serving.grpc.v2.ModelTensorReshape;
import io.prodline.serving.grpc.v2.ModelVersionPolicy;
import io.prodline.serving.lifecycle.VersionPolicy;
import io.prodline.serving.protocol.v2.ModelConfig.Tensor;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Triton's model configuration extension in its gRPC messages: the configuration REST's {@code /config} answers
 * ({@link io.prodline.serving.protocol.v2.ModelConfig}), field by field.
 */
final class GrpcModelConfig {
  private GrpcModelConfig() {}

  static ModelConfigResponse response(io.prodline.serving.protocol.v2.ModelConfig config) {
    ModelConfig.Builder proto = ModelConfig.newBuilder()
        .setName(config.name())
        .setPlatform(config.platform())
        .setBackend(config.backend())
        .setVersionPolicy(versionPolicy(config.versionPolicy()))
        .setMaxBatchSize(config.maxBatchSize());
    for (Tensor tensor : config.input()) {
      ModelInput.Builder input = proto.addInputBuilder().setName(tensor.name());
      describe(tensor, input::setDataType, input::addDims, input::setReshape);
    }
    for (Tensor tensor : config.output()) {
      ModelOutput.Builder output = proto.addOutputBuilder().setName(tensor.name());
      describe(tensor, output::setDataType, output::addDims, output::setReshape);
    }
    if (config.dynamicBatching() != null) {
      proto.setDynamicBatching(ModelDynamicBatching.newBuilder()
          .setMaxQueueDelayMicroseconds(config.dynamicBatching().maxQueueDelayMicroseconds()));
    }
    config.parameters().forEach((name, value) ->
        proto.putParameters(name, ModelParameter.newBuilder().setStringValue(value.stringValue()).build()));
    return ModelConfigResponse.newBuilder().setConfig(proto).build();
  }

  /** Sets a tensor's type, dims and reshape through the setters its input or output message has alike. */
  private static void describe(Tensor tensor, Consumer<DataType> type, LongConsumer dims,
      Consumer<ModelTensorReshape> reshape) {
    type.accept(DataType.valueOf(tensor.dataType()));
    for (long dim : tensor.dims()) {
      dims.accept(dim);
    }
    if (tensor.reshape() != null) {
      ModelTensorReshape.Builder shape = ModelTensorReshape.newBuilder();
      for (long dim : tensor.reshape().shape()) {
        shape.addShape(dim);
      }
      reshape.accept(shape.build());
    }
  }

  /** The policy in Triton's message; specific versions in increasing order, as REST writes them. */
  private static ModelVersionPolicy versionPolicy(VersionPolicy policy) {
    if (policy instanceof VersionPolicy.Latest latest) {
      return ModelVersionPolicy.newBuilder().setLatest(ModelVersionPolicy.Latest.newBuilder()
          .setNumVersions(latest.count())).build();
    }
    if (policy instanceof VersionPolicy.Specific specific) {
      return ModelVersionPolicy.newBuilder().setSpecific(ModelVersionPolicy.Specific.newBuilder()
          .addAllVersions(new TreeSet<>(specific.versions()))).build();
    }
    return ModelVersionPolicy.newBuilder().setAll(ModelVersionPolicy.All.getDefaultInstance()).build();
  }
}
