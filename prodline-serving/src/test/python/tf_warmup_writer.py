"""Writes a TF Serving warm-up file as tensorflow-serving-api users write one, independently of prodline's reader.

PredictionLog messages built with Python stubs generated from the protos (with grpc_tools), framed as a TFRecord
file with a CRC-32C computed here from its definition (checked against the standard check value first). Two
records for the WarmupTest model (x float64, city string): a predict_log of two rows and a classify_log of one
example. DAMAGE "damaged" flips one byte of the second record's data; "truncated" drops the file's last 3 bytes.

Usage: python3 tf_warmup_writer.py OUT PROTO_DIR [DAMAGE]
"""
import os
import struct

from grpc_client_support import check, generate_tensorflow_stubs, module, run


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def masked_crc(data):
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def tf_record(data):
    length = struct.pack("<Q", len(data))
    return length + struct.pack("<I", masked_crc(length)) + data + struct.pack("<I", masked_crc(data))


def main(out, proto_dir, damage=None):
    check(crc32c(b"123456789") == 0xE3069283, "CRC-32C gives the standard check value")
    generate_tensorflow_stubs(proto_dir, "prodline-warmup-stubs-")
    types = module("tensorflow.core.framework.types_pb2")
    log_pb2 = module("tensorflow_serving.apis.prediction_log_pb2")

    predict = log_pb2.PredictionLog()
    request = predict.predict_log.request
    request.model_spec.name = "m"
    x = request.inputs["x"]
    x.dtype = types.DT_DOUBLE
    x.tensor_shape.dim.add(size=2)
    x.double_val.extend([1.5, 2.5])
    city = request.inputs["city"]
    city.dtype = types.DT_STRING
    city.tensor_shape.dim.add(size=2)
    city.string_val.extend([b"a", b"b"])

    classify = log_pb2.PredictionLog()
    example = classify.classify_log.request.input.example_list.examples.add()
    example.features.feature["x"].float_list.value.append(3.0)
    example.features.feature["city"].bytes_list.value.append(b"c")

    first = tf_record(predict.SerializeToString())
    second = bytearray(tf_record(classify.SerializeToString()))
    if damage == "damaged":
        second[14] ^= 0x01
    data = first + bytes(second)
    if damage == "truncated":
        data = data[:-3]
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as file:
        file.write(data)
    print("wrote %d bytes to %s" % (len(data), out))


if __name__ == "__main__":
    run(main, __doc__, (2, 3))
