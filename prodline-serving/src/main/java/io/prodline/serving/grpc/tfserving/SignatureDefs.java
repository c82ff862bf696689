package io.prodline.serving.grpc.tfserving;

import io.prodline.serving.grpc.tfserving.proto.DataType;
import io.prodline.serving.grpc.tfserving.proto.SignatureDef;
import io.prodline.serving.grpc.tfserving.proto.SignatureDefMap;
import io.prodline.serving.grpc.tfserving.proto.TensorInfo;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.ServingSignature;

/** A model's {@link ServingSignature} as the {@code SignatureDefMap} of TF Serving's {@code GetModelMetadata}. */
final class SignatureDefs {
  private SignatureDefs() {}

  static SignatureDefMap of(ServingSignature signature) {
    SignatureDef.Builder def = SignatureDef.newBuilder().setMethodName(ServingSignature.PREDICT_METHOD);
    for (ServingSignature.Tensor input : signature.inputs()) {
      def.putInputs(input.name(), info(input));
    }
    def.putOutputs(signature.output().name(), info(signature.output()));
    return SignatureDefMap.newBuilder().putSignatureDef(PredictRequestDecoder.SIGNATURE, def.build()).build();
  }

  private static TensorInfo info(ServingSignature.Tensor tensor) {
    return TensorInfo.newBuilder().setName(tensor.name()).setDtype(DataType.valueOf(tensor.dtype()))
        .setTensorShape(TensorProtos.shape(tensor.shape())).build();
  }
}
