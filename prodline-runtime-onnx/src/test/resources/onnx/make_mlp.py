#!/usr/bin/python3
"""Writes the ONNX test fixtures and their expected outputs, computed independently with numpy.

mlp.onnx: float input "features" [N, 30] -> MatMul/Add/Relu 30->64->64->1 -> output "score" [N, 1], the MLP shape
of the serving benchmark. softmax3.onnx: [N, 4] -> linear -> Softmax over 3 classes -> "probabilities" [N, 3].
labelled3.onnx: the same with the predicted class first, "label" int64 [N], then "probabilities" (expected
outputs: softmax3's); labelonly.onnx: the label alone, which prodline cannot serve. fixed2.onnx: softmax3 with
a batch dimension fixed to 2 (expected outputs: softmax3's); rowsum.onnx: an output summed over the rows, refused;
int64in.onnx: an int64 input, refused as rows.
tensors.onnx: six inputs and outputs of other types and ranks, served tensor for tensor.
Needs Debian's python3-onnx and python3-numpy; run from this directory. Opset 13, IR version 7 (readable by every
ONNX Runtime since 1.8).
"""
import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(7)


def dense(name, x, w, b, relu):
    inits = [numpy_helper.from_array(w, name + "_w"), numpy_helper.from_array(b, name + "_b")]
    nodes = [helper.make_node("MatMul", [x, name + "_w"], [name + "_mm"]),
             helper.make_node("Add", [name + "_mm", name + "_b"], [name + ("_pre" if relu else "")])]
    out = name + "_pre" if relu else name
    if relu:
        nodes.append(helper.make_node("Relu", [out], [name]))
    return nodes, inits


def save(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="prodline-tests")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)


# MLP 30 -> 64 -> 64 -> 1
w1, b1 = rng.normal(0, 0.3, (30, 64)).astype(np.float32), rng.normal(0, 0.1, 64).astype(np.float32)
w2, b2 = rng.normal(0, 0.3, (64, 64)).astype(np.float32), rng.normal(0, 0.1, 64).astype(np.float32)
w3, b3 = rng.normal(0, 0.3, (64, 1)).astype(np.float32), rng.normal(0, 0.1, 1).astype(np.float32)
n1, i1 = dense("h1", "features", w1, b1, True)
n2, i2 = dense("h2", "h1", w2, b2, True)
n3, i3 = dense("score", "h2", w3, b3, False)
graph = helper.make_graph(n1 + n2 + n3, "mlp",
                          [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 30])],
                          [helper.make_tensor_value_info("score", TensorProto.FLOAT, ["N", 1])], i1 + i2 + i3)
save(graph, "mlp.onnx")
x = rng.normal(0, 1, (5, 30)).astype(np.float32)
h = np.maximum(x @ w1 + b1, 0)
h = np.maximum(h @ w2 + b2, 0)
y = h @ w3 + b3

# Linear + softmax over 3 classes
ws, bs = rng.normal(0, 1, (4, 3)).astype(np.float32), rng.normal(0, 0.1, 3).astype(np.float32)
ns, is_ = dense("logits", "x", ws, bs, False)
ns.append(helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1))
graph = helper.make_graph(ns, "softmax3", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                          [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 3])], is_)
save(graph, "softmax3.onnx")
xs = rng.normal(0, 1, (4, 4)).astype(np.float32)
logits = xs @ ws + bs
p = np.exp(logits - logits.max(axis=1, keepdims=True))
p /= p.sum(axis=1, keepdims=True)

# The same classifier as skl2onnx exports one with zipmap=False: the predicted label (int64) first, then the
# probabilities; prodline serves the first float output.
ns_l, is_l = dense("logits", "x", ws, bs, False)
ns_l.append(helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1))
ns_l.append(helper.make_node("ArgMax", ["probabilities"], ["label"], axis=1, keepdims=0))
graph = helper.make_graph(ns_l, "labelled3", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                          [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
                           helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 3])], is_l)
save(graph, "labelled3.onnx")
graph = helper.make_graph(ns_l, "labelonly", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                          [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"])], is_l)
save(graph, "labelonly.onnx")

# softmax3's classifier exported with a fixed batch of two rows (as torch.onnx.export writes a graph without
# dynamic_axes): prodline runs it two rows at a time; expected outputs are softmax3's.
ns_f, is_f = dense("logits", "x", ws, bs, False)
ns_f.append(helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1))
graph = helper.make_graph(ns_f, "fixed2", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 4])],
                          [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [2, 3])], is_f)
save(graph, "fixed2.onnx")

# An output that sums over the rows ([N, 3] -> [1, 3]): no value per row to serve, refused at load.
axes = numpy_helper.from_array(np.array([0], dtype=np.int64), "axes")
graph = helper.make_graph([helper.make_node("ReduceSum", ["x", "axes"], ["y"], keepdims=1)], "rowsum",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])], [axes])
save(graph, "rowsum.onnx")

# An int64 input: prodline feeds float32, refused at load with the way to export it.
graph = helper.make_graph([helper.make_node("Cast", ["x"], ["y"], to=TensorProto.FLOAT)], "int64in",
                          [helper.make_tensor_value_info("x", TensorProto.INT64, ["N", 4])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 4])])
save(graph, "int64in.onnx")

# A graph of several inputs and outputs of other types and ranks, served tensor for tensor: sum = a + float(b),
# argmax = argmax(sum) per row, not_flag = not flag, text_out = text, half_doubled = float(h) * 2,
# img_sum = the sum of each row's 2 x 2 image. The tests check the values by that arithmetic.
two = numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")
img_axes = numpy_helper.from_array(np.array([1, 2], dtype=np.int64), "img_axes")
nodes = [helper.make_node("Cast", ["b"], ["b_float"], to=TensorProto.FLOAT),
         helper.make_node("Add", ["a", "b_float"], ["sum"]),
         helper.make_node("ArgMax", ["sum"], ["argmax"], axis=1, keepdims=0),
         helper.make_node("Not", ["flag"], ["not_flag"]),
         helper.make_node("Identity", ["text"], ["text_out"]),
         helper.make_node("Cast", ["h"], ["h_float"], to=TensorProto.FLOAT),
         helper.make_node("Mul", ["h_float", "two"], ["half_doubled"]),
         helper.make_node("ReduceSum", ["img", "img_axes"], ["img_sum"], keepdims=0)]
graph = helper.make_graph(nodes, "tensors",
                          [helper.make_tensor_value_info("a", TensorProto.FLOAT, ["N", 4]),
                           helper.make_tensor_value_info("b", TensorProto.INT64, ["N", 4]),
                           helper.make_tensor_value_info("flag", TensorProto.BOOL, ["N"]),
                           helper.make_tensor_value_info("text", TensorProto.STRING, ["N"]),
                           helper.make_tensor_value_info("h", TensorProto.FLOAT16, ["N", 2]),
                           helper.make_tensor_value_info("img", TensorProto.FLOAT, ["N", 2, 2])],
                          [helper.make_tensor_value_info("sum", TensorProto.FLOAT, ["N", 4]),
                           helper.make_tensor_value_info("argmax", TensorProto.INT64, ["N"]),
                           helper.make_tensor_value_info("not_flag", TensorProto.BOOL, ["N"]),
                           helper.make_tensor_value_info("text_out", TensorProto.STRING, ["N"]),
                           helper.make_tensor_value_info("half_doubled", TensorProto.FLOAT, ["N", 2]),
                           helper.make_tensor_value_info("img_sum", TensorProto.FLOAT, ["N"])], [two, img_axes])
save(graph, "tensors.onnx")

with open("expected.json", "w") as f:
    json.dump({"mlp": {"inputs": x.tolist(), "outputs": y[:, 0].tolist()},
               "softmax3": {"inputs": xs.tolist(), "outputs": p.tolist()}}, f, indent=1)
