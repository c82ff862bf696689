package io.prodline.serving.grpc.tfserving;

import com.google.protobuf.Any;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.prodline.core.bundle.Bundle;
import io.prodline.serving.grpc.ClientContexts;
import io.prodline.serving.grpc.GrpcAnswers;
import io.prodline.serving.grpc.tfserving.proto.ClassificationRequest;
import io.prodline.serving.grpc.tfserving.proto.ClassificationResponse;
import io.prodline.serving.grpc.tfserving.proto.GetModelMetadataRequest;
import io.prodline.serving.grpc.tfserving.proto.GetModelMetadataResponse;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.MultiInferenceRequest;
import io.prodline.serving.grpc.tfserving.proto.MultiInferenceResponse;
import io.prodline.serving.grpc.tfserving.proto.PredictRequest;
import io.prodline.serving.grpc.tfserving.proto.PredictResponse;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.RegressionRequest;
import io.prodline.serving.grpc.tfserving.proto.RegressionResponse;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.ExampleTask;
import io.prodline.serving.protocol.MessageText;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.ServingSignature;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code tensorflow.serving.PredictionService}. {@code Predict} runs on the prediction workers through
 * {@link RequestRunner}, as every protocol's inference does (batching, timeout or the client's earlier deadline,
 * prediction log, metrics under {@code protocol="grpc_tfserving"}), and is abandoned when its client stops waiting.
 * {@code GetModelMetadata} is answered on the network thread: it only reads the routing snapshot and the bundle's
 * manifest. {@code Classify} and {@code Regress} run like {@code Predict}, their {@code tf.Example}s read as REST's
 * {@code :classify} and {@code :regress} read examples ({@link TfExamples}), and so does {@code MultiInference}'s
 * one task ({@link #multiInference}).
 */
public final class TfServingPredictionService extends PredictionServiceGrpc.PredictionServiceImplBase {
  /** The one metadata field TF Serving defines. */
  static final String SIGNATURE_DEF = "signature_def";
  /** The method names a {@code MultiInference} task may give, TensorFlow's signature method names. */
  static final String CLASSIFY_METHOD = "tensorflow/serving/classify";
  static final String REGRESS_METHOD = "tensorflow/serving/regress";

  private final RequestRunner runner;

  public TfServingPredictionService(RequestRunner runner) {
    this.runner = runner;
  }

  @Override
  public void predict(PredictRequest request, StreamObserver<PredictResponse> answer) {
    run("Predict", request.getModelSpec(), new PredictCall(request, runner), answer);
  }

  @Override
  public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<GetModelMetadataResponse> answer) {
    ModelSpec spec = request.getModelSpec();
    GrpcAnswers.TF_SERVING.now("GetModelMetadata " + spec.getName(), answer, () -> {
      String model = ModelSpecs.model(spec);
      requireSignatureDef(request.getMetadataFieldList());
      try (VersionHandle handle = runner.servables().acquire(model, ModelSpecs.selector(spec))) {
        Bundle bundle = handle.predictor().bundle();
        return GetModelMetadataResponse.newBuilder()
            .setModelSpec(ModelSpecs.answered(model, handle.version()))
            .putMetadata(SIGNATURE_DEF, Any.pack(SignatureDefs.of(
                ServingSignature.of(bundle.manifest(), bundle.tensors()))))
            .build();
      }
    });
  }

  /** Refuses, as TF Serving does, a request asking for no metadata or for a field there is not. */
  private static void requireSignatureDef(List<String> fields) {
    if (fields.isEmpty()) {
      throw new BadRequestException("metadata_field is empty; ask for \"" + SIGNATURE_DEF + "\"");
    }
    for (String field : fields) {
      if (!field.equals(SIGNATURE_DEF)) {
        throw new BadRequestException("metadata_field \"" + MessageText.shortened(field) + "\" is not supported; "
            + "the one field is \"" + SIGNATURE_DEF + "\"");
      }
    }
  }

  @Override
  public void classify(ClassificationRequest request, StreamObserver<ClassificationResponse> answer) {
    run("Classify", request.getModelSpec(), new ExamplesCall<>(ExampleTask.CLASSIFY, "Classify", request.getInput(),
        runner, ExampleResults::classification), answer);
  }

  @Override
  public void regress(RegressionRequest request, StreamObserver<RegressionResponse> answer) {
    run("Regress", request.getModelSpec(), new ExamplesCall<>(ExampleTask.REGRESS, "Regress", request.getInput(),
        runner, ExampleResults::regression), answer);
  }

  /**
   * Runs {@code call} for the model {@code spec} names on the prediction workers, answering when it is done;
   * {@code method} names the call in the log.
   */
  private <R> void run(String method, ModelSpec spec, RequestRunner.Call<?, R> call, StreamObserver<R> answer) {
    Context context = Context.current();
    CompletableFuture<R> answered;
    try {
      String model = ModelSpecs.model(spec);
      PredictRequestDecoder.checkSignature(spec.getSignatureName());
      answered = runner.run(ServingMetrics.GRPC_TFSERVING, model, ModelSpecs.selector(spec), runner.requestId(null),
          ClientContexts.timeLeft(context), call);
    } catch (RuntimeException e) {
      answered = CompletableFuture.failedFuture(e);
    }
    GrpcAnswers.TF_SERVING.whenDone(method + " " + spec.getName(), context, answered, Function.identity(), answer);
  }

  /**
   * TF Serving's rules for the tasks, on a model with the one signature {@code serving_default}: every task names
   * the same model and a different signature, so one task is all a prodline model takes; its method is classify
   * or regress. The task's model spec picks the version, as TF Serving takes the first task's.
   */
  @Override
  public void multiInference(MultiInferenceRequest request, StreamObserver<MultiInferenceResponse> answer) {
    ModelSpec spec = request.getTasksCount() == 0 ? ModelSpec.getDefaultInstance() : request.getTasks(0).getModelSpec();
    ExamplesCall<MultiInferenceResponse> call;
    try {
      ExampleTask method = method(request);
      call = new ExamplesCall<>(method, "MultiInference's method " + request.getTasks(0).getMethodName(),
          request.getInput(), runner, (answered, predictions) ->
              ExampleResults.multiInference(method, answered, predictions));
    } catch (RuntimeException e) {
      answer.onError(GrpcAnswers.TF_SERVING.failure("MultiInference " + spec.getName(), e));
      return;
    }
    run("MultiInference", spec, call, answer);
  }

  /** The one task's method; {@link BadRequestException} for no task, several, or an unknown method. */
  private static ExampleTask method(MultiInferenceRequest request) {
    if (request.getTasksCount() == 0) {
      throw new BadRequestException("MultiInferenceRequest must specify at least one task");
    }
    for (int i = 1; i < request.getTasksCount(); i++) {
      if (!request.getTasks(i).getModelSpec().getName().equals(request.getTasks(0).getModelSpec().getName())) {
        throw new BadRequestException("All ModelSpecs in a MultiInferenceRequest must access the same model name");
      }
    }
    if (request.getTasksCount() > 1) {
      throw new BadRequestException("Duplicate evaluation of signature: " + PredictRequestDecoder.SIGNATURE
          + "; a prodline model has that one signature, so a MultiInferenceRequest holds one task");
    }
    String method = request.getTasks(0).getMethodName();
    return switch (method) {
      case CLASSIFY_METHOD -> ExampleTask.CLASSIFY;
      case REGRESS_METHOD -> ExampleTask.REGRESS;
      default -> throw new BadRequestException("Unsupported signature method_name: "
          + MessageText.shortened(method) + "; use " + CLASSIFY_METHOD + " or " + REGRESS_METHOD);
    };
  }
}
