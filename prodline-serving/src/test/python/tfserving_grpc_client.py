"""An independent TensorFlow Serving gRPC client for prodline's server tests.

Generates Python stubs from the same TF Serving and TensorFlow protos the server is built from (with grpc_tools,
as tensorflow-serving-api's stubs are generated), then drives tensorflow.serving.PredictionService (Predict,
Classify with tf.Examples, Regress with a context, GetModelMetadata) and ModelService as a TF Serving client does,
against the test repository of
io.prodline.serving.testing.TestRepository. Exits 0 when every check passes, 1 naming the first failure.

Usage: python3 tfserving_grpc_client.py HOST:PORT PROTO_DIR
"""
import struct

import grpc
from google.protobuf import text_format

from grpc_client_support import check, generate_tensorflow_stubs, module, run


def main(target, proto_dir):
    generate_tensorflow_stubs(proto_dir, "prodline-tfserving-stubs-")
    types = module("tensorflow.core.framework.types_pb2")
    tensor_pb2 = module("tensorflow.core.framework.tensor_pb2")
    shape_pb2 = module("tensorflow.core.framework.tensor_shape_pb2")
    predict_pb2 = module("tensorflow_serving.apis.predict_pb2")
    metadata_pb2 = module("tensorflow_serving.apis.get_model_metadata_pb2")
    status_pb2 = module("tensorflow_serving.apis.get_model_status_pb2")
    classification_pb2 = module("tensorflow_serving.apis.classification_pb2")
    regression_pb2 = module("tensorflow_serving.apis.regression_pb2")
    inference_pb2 = module("tensorflow_serving.apis.inference_pb2")
    prediction_service = module("tensorflow_serving.apis.prediction_service_pb2_grpc")
    model_service = module("tensorflow_serving.apis.model_service_pb2_grpc")

    def tensor(dtype, shape, **values):
        dims = shape_pb2.TensorShapeProto(dim=[shape_pb2.TensorShapeProto.Dim(size=s) for s in shape])
        return tensor_pb2.TensorProto(dtype=dtype, tensor_shape=dims, **values)

    def houses(request):
        request.inputs["age"].CopyFrom(tensor(types.DT_DOUBLE, [2], double_val=[1.5, 2.0]))
        request.inputs["rooms"].CopyFrom(tensor(types.DT_INT64, [2, 1], int64_val=[3, 1]))
        request.inputs["city"].CopyFrom(tensor(types.DT_STRING, [2], string_val=[b"b", b"a"]))
        return request

    with grpc.insecure_channel(target) as channel:
        stub = prediction_service.PredictionServiceStub(channel)
        request = houses(predict_pb2.PredictRequest())
        request.model_spec.name = "houses"
        response = stub.Predict(request, timeout=30)
        output = response.outputs["predictions"]
        check((response.model_spec.name, response.model_spec.version.value, response.model_spec.signature_name)
              == ("houses", 2, "serving_default"),
              "Predict echoes the model, the version that answered and the signature")
        check(output.dtype == types.DT_FLOAT and [d.size for d in output.tensor_shape.dim] == [2],
              "Predict answers DT_FLOAT predictions of shape [2]")
        check(list(output.float_val) == [263.0, 24.0], "typed values give the expected predictions")

        labelled = houses(predict_pb2.PredictRequest())
        labelled.model_spec.name = "houses"
        labelled.model_spec.version_label = "stable"
        stable = stub.Predict(labelled, timeout=30)
        check(stable.model_spec.version.value == 1 and list(stable.outputs["predictions"].float_val) == [131.5, 12.0],
              "version_label stable is answered by version 1")

        # tensor_content as tf.make_tensor_proto writes a numpy array: raw little-endian values.
        iris = predict_pb2.PredictRequest()
        iris.model_spec.name = "iris"
        iris.inputs["x"].CopyFrom(tensor(types.DT_FLOAT, [2], tensor_content=struct.pack("<2f", 0.25, 1.0)))
        iris.inputs["y"].CopyFrom(tensor(types.DT_DOUBLE, [2], tensor_content=struct.pack("<2d", 0.0, 1.0)))
        iris_output = stub.Predict(iris, timeout=30).outputs["predictions"]
        check([d.size for d in iris_output.tensor_shape.dim] == [2, 3]
              and list(iris_output.float_val) == [0.25, 0.0, 0.125, 1.0, 1.0, 1.0],
              "tensor_content gives class probabilities of shape [2, 3]")

        # tf.Examples as a TF Serving client builds them, one per row.
        classify = classification_pb2.ClassificationRequest()
        classify.model_spec.name = "iris"
        example = classify.input.example_list.examples.add()
        example.features.feature["x"].float_list.value.append(0.25)
        example.features.feature["y"].float_list.value.append(1.0)
        classes = stub.Classify(classify, timeout=30).result.classifications[0].classes
        check([(c.label, c.score) for c in classes] == [("setosa", 0.25), ("versicolor", 1.0), ("virginica", 0.625)],
              "Classify answers every class with its score")

        regress = regression_pb2.RegressionRequest()
        regress.model_spec.name = "houses"
        context = regress.input.example_list_with_context.context.features.feature
        context["city"].bytes_list.value.append(b"b")
        for age, rooms in ((1.5, 3), (2.0, 1)):
            features = regress.input.example_list_with_context.examples.add().features.feature
            features["age"].float_list.value.append(age)
            features["rooms"].int64_list.value.append(rooms)
        regressed = stub.Regress(regress, timeout=30)
        check(regressed.model_spec.version.value == 2
              and [r.value for r in regressed.result.regressions] == [263.0, 224.0],
              "Regress answers one value per example, the context shared by every example")

        multi = inference_pb2.MultiInferenceRequest()
        task = multi.tasks.add()
        task.model_spec.name = "houses"
        task.method_name = "tensorflow/serving/regress"
        multi.input.CopyFrom(regress.input)
        results = stub.MultiInference(multi, timeout=30).results
        check(len(results) == 1 and results[0].model_spec.name == "houses"
              and [r.value for r in results[0].regression_result.regressions] == [263.0, 224.0],
              "MultiInference answers its task as Regress does")

        metadata_request = metadata_pb2.GetModelMetadataRequest(metadata_field=["signature_def"])
        metadata_request.model_spec.name = "houses"
        metadata = stub.GetModelMetadata(metadata_request, timeout=30)
        signatures = metadata_pb2.SignatureDefMap()
        check(metadata.metadata["signature_def"].Unpack(signatures), "GetModelMetadata packs a SignatureDefMap")
        signature = signatures.signature_def["serving_default"]
        check({name: info.dtype for name, info in signature.inputs.items()}
              == {"age": types.DT_DOUBLE, "rooms": types.DT_INT64, "city": types.DT_STRING}
              and list(signature.outputs) == ["predictions"],
              "the serving_default signature lists the houses inputs with their dtypes")

        status_request = status_pb2.GetModelStatusRequest()
        status_request.model_spec.name = "houses"
        statuses = model_service.ModelServiceStub(channel).GetModelStatus(status_request, timeout=30)
        available = status_pb2.ModelVersionStatus.AVAILABLE
        check([(s.version, s.state == available) for s in statuses.model_version_status]
              == [(3, False), (2, True), (1, True)],
              "GetModelStatus lists every version, the broken one not available")

        unknown = predict_pb2.PredictRequest()
        unknown.model_spec.name = "nope"
        try:
            stub.Predict(unknown, timeout=30)
            check(False, "an unknown model fails")
        except grpc.RpcError as e:
            check(e.code() == grpc.StatusCode.NOT_FOUND, "an unknown model is NOT_FOUND")

        # A models.config as TF Serving reads it, parsed by protobuf's own text format into the reload request.
        reload = module("tensorflow_serving.apis.model_management_pb2").ReloadConfigRequest()
        text_format.Parse("model_config_list { config { name: 'houses' base_path: '/models/houses' "
                          "model_version_policy { all {} } version_labels { key: 'stable' value: 1 } } }",
                          reload.config)
        try:
            model_service.ModelServiceStub(channel).HandleReloadConfigRequest(reload, timeout=30)
            check(False, "a config reload on a server without a management API fails")
        except grpc.RpcError as e:
            check(e.code() == grpc.StatusCode.FAILED_PRECONDITION and "management API" in e.details(),
                  "HandleReloadConfigRequest needs the management API")


if __name__ == "__main__":
    run(main, __doc__, (2,))
