package io.prodline.serving.grpc.tfserving;

import com.google.protobuf.InvalidProtocolBufferException;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.grpc.tfserving.proto.PredictionLog;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.PredictRequestDecoder;

/**
 * The records of TF Serving's warm-up file ({@code assets.extra/tf_serving_warmup_requests}), each a serialized
 * {@code PredictionLog}, as the frames they ask the model to predict: a predict log's request is decoded as the gRPC
 * {@code Predict} call decodes it, a classify or regress log's examples as {@code Classify} and {@code Regress}
 * decode them, and a multi-inference log's examples once. As for every warm-up request, any number of rows is taken
 * and NaN and infinities reach the model as the file's owner wrote them.
 */
public final class WarmupLogs {
  private WarmupLogs() {}

  /**
   * The frame {@code record} asks {@code predictor} for, decoded with the warm-up's {@code options}; {@link
   * BadRequestException} saying what is wrong.
   */
  public static Frame frame(byte[] record, Predictor predictor, PredictRequestDecoder.Options options) {
    PredictionLog log;
    try {
      log = PredictionLog.parseFrom(record);
    } catch (InvalidProtocolBufferException e) {
      throw new BadRequestException("not a tensorflow.serving.PredictionLog: " + e.getMessage());
    }
    return switch (log.getLogTypeCase()) {
      case PREDICT_LOG -> PredictCall.assemble(log.getPredictLog().getRequest(), predictor, options.maxRows(),
          options.nonFinite());
      case CLASSIFY_LOG -> TfExamples.decode(log.getClassifyLog().getRequest().getInput(), predictor, options);
      case REGRESS_LOG -> TfExamples.decode(log.getRegressLog().getRequest().getInput(), predictor, options);
      case MULTI_INFERENCE_LOG -> TfExamples.decode(log.getMultiInferenceLog().getRequest().getInput(), predictor,
          options);
      case LOGTYPE_NOT_SET -> throw new BadRequestException("the PredictionLog holds none of predict_log, "
          + "classify_log, regress_log or multi_inference_log, the requests a warm-up can replay");
    };
  }
}
