"""An independent Open Inference Protocol gRPC client for prodline's server tests.

Generates Python stubs from the same grpc_predict_v2.proto the server is built from (with grpc_tools, as
any KServe client would), then drives inference.GRPCInferenceService against the test repository of
io.prodline.serving.testing.TestRepository. Exits 0 when every check passes, 1 naming the first failure.
With CA_PEM it connects over TLS, trusting the server certificate in that file.

Usage: python3 v2_grpc_client.py HOST:PORT PROTO_DIR [CA_PEM]
"""
import struct

import grpc

from grpc_client_support import check, generate_stubs, module, run


def open_channel(target, ca_file):
    if ca_file is None:
        return grpc.insecure_channel(target)
    with open(ca_file, "rb") as ca:
        return grpc.secure_channel(target, grpc.ssl_channel_credentials(root_certificates=ca.read()))


def main(target, proto_dir, ca_file=None):
    generate_stubs(proto_dir, ["model_config.proto", "grpc_predict_v2.proto"], "prodline-v2-stubs-")
    pb, rpc = module("grpc_predict_v2_pb2"), module("grpc_predict_v2_pb2_grpc")
    with open_channel(target, ca_file) as channel:
        stub = rpc.GRPCInferenceServiceStub(channel)
        check(stub.ServerLive(pb.ServerLiveRequest(), timeout=30).live, "ServerLive says live")
        check(stub.ServerReady(pb.ServerReadyRequest(), timeout=30).ready, "ServerReady says ready")
        metadata = stub.ModelMetadata(pb.ModelMetadataRequest(name="houses"), timeout=30)
        check([(t.name, t.datatype) for t in metadata.inputs] == [("age", "FP64"), ("rooms", "INT64"),
                                                                  ("city", "BYTES")],
              "ModelMetadata lists the houses inputs with their datatypes")

        config = stub.ModelConfig(pb.ModelConfigRequest(name="houses"), timeout=30).config
        policy = config.version_policy.WhichOneof("policy_choice")
        check((config.name, config.backend, config.max_batch_size > 0, policy) == ("houses", "prodline", True, "all"),
              "ModelConfig gives Triton's configuration of houses")
        check([(i.name, list(i.dims)) for i in config.input] == [("age", [1]), ("rooms", [1]), ("city", [1])],
              "ModelConfig lists the inputs with their per-row dims")

        request = pb.ModelInferRequest(model_name="houses", id="py-1")
        age = request.inputs.add(name="age", datatype="FP64", shape=[2])
        age.contents.fp64_contents.extend([1.5, 2.0])
        rooms = request.inputs.add(name="rooms", datatype="INT32", shape=[2, 1])
        rooms.contents.int_contents.extend([3, 1])
        city = request.inputs.add(name="city", datatype="BYTES", shape=[2])
        city.contents.bytes_contents.extend([b"b", b"a"])
        response = stub.ModelInfer(request, timeout=30)
        output = response.outputs[0]
        check((response.model_name, response.model_version, response.id) == ("houses", "2", "py-1"),
              "ModelInfer names the model, the version that answered and the request id")
        check((output.name, output.datatype, list(output.shape)) == ("predictions", "FP32", [2]),
              "ModelInfer answers FP32 predictions of shape [2]")
        check(list(output.contents.fp32_contents) == [263.0, 24.0], "typed contents give the expected predictions")

        raw = pb.ModelInferRequest(model_name="iris", model_version="1")
        raw.inputs.add(name="x", datatype="FP32", shape=[2])
        raw.inputs.add(name="y", datatype="FP32", shape=[2])
        raw.raw_input_contents.extend([struct.pack("<2f", 0.25, 1.0), struct.pack("<2f", 0.0, 1.0)])
        raw_response = stub.ModelInfer(raw, timeout=30)
        values = struct.unpack("<6f", raw_response.raw_output_contents[0])
        check(list(raw_response.outputs[0].shape) == [2, 3] and values == (0.25, 0.0, 0.125, 1.0, 1.0, 1.0),
              "raw_input_contents give raw_output_contents with class probabilities")

        # bfloat16 is the upper half of a float32: the last two of its little-endian bytes.
        bf16 = pb.ModelInferRequest(model_name="iris", model_version="1")
        bf16.inputs.add(name="x", datatype="BF16", shape=[2])
        bf16.inputs.add(name="y", datatype="FP32", shape=[2])
        bf16.raw_input_contents.extend([struct.pack("<f", 0.25)[2:] + struct.pack("<f", 1.0)[2:],
                                        struct.pack("<2f", 0.0, 1.0)])
        bf16_values = struct.unpack("<6f", stub.ModelInfer(bf16, timeout=30).raw_output_contents[0])
        check(bf16_values == (0.25, 0.0, 0.125, 1.0, 1.0, 1.0), "BF16 raw inputs are read as bfloat16")

        top = pb.ModelInferRequest(model_name="iris", model_version="1")
        top.inputs.add(name="x", datatype="FP32", shape=[1]).contents.fp32_contents.append(0.25)
        top.inputs.add(name="y", datatype="FP32", shape=[1]).contents.fp32_contents.append(0.0)
        top.outputs.add(name="predictions").parameters["classification"].int64_param = 2
        top_output = stub.ModelInfer(top, timeout=30).outputs[0]
        check((top_output.datatype, list(top_output.shape), list(top_output.contents.bytes_contents))
              == ("BYTES", [1, 2], [b"0.25:0:setosa", b"0.125:2:virginica"]),
              "the classification parameter answers the top classes as value:index:label")

        streamed = list(stub.ModelStreamInfer(iter([top, pb.ModelInferRequest(model_name="nope", id="lost")]),
                                              timeout=30))
        check(len(streamed) == 2, "ModelStreamInfer answers each request of the stream")
        by_error = sorted((s.error_message != "", s.infer_response.id) for s in streamed)
        check(by_error == [(False, ""), (True, "lost")] and any("not found" in s.error_message for s in streamed),
              "a failed request of the stream comes back as error_message with its id, the stream goes on")

        stats = stub.ModelStatistics(pb.ModelStatisticsRequest(name="iris", version="1"), timeout=30).model_stats
        check([(s.name, s.version) for s in stats] == [("iris", "1")], "ModelStatistics reports the version asked for")
        timing = stats[0].inference_stats
        check(stats[0].inference_count >= 2 and 2 in [b.batch_size for b in stats[0].batch_stats],
              "ModelStatistics counts the two rows of the raw request and its model call of batch size 2")
        check(timing.success.ns == timing.queue.ns + timing.compute_input.ns + timing.compute_infer.ns
              + timing.compute_output.ns, "queue and compute times add up to the successful requests' time")

        try:
            stub.ModelInfer(pb.ModelInferRequest(model_name="nope"), timeout=30)
            check(False, "an unknown model fails")
        except grpc.RpcError as e:
            check(e.code() == grpc.StatusCode.NOT_FOUND, "an unknown model is NOT_FOUND")


if __name__ == "__main__":
    run(main, __doc__, (2, 3))
