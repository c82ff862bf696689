"""A dependency-free external trainer (Python standard library only) for prodline's tests.

It follows docs/trainers.md: reads the train CSV and params, writes an XGBoost JSON model with a single leaf
whose prediction is the share of positive rows in the train data, and a metrics.json. Set "num_feature" in the
params to write a model of the wrong width.
"""
import csv
import json
import os

with open(os.environ["PRODLINE_PARAMS"]) as f:
    params = json.load(f)
with open(os.environ["PRODLINE_TRAIN_DATA"], newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
assert header[-1] == "label", header
positive_rate = sum(float(r[-1]) for r in body) / len(body)
num_feature = str(params.get("num_feature", len(header) - 1))
print("train rows:", len(body), "features:", num_feature, "positive rate:", positive_rate)

tree = {"base_weights": [0.0], "categories": [], "categories_nodes": [], "categories_segments": [],
        "categories_sizes": [], "default_left": [0], "id": 0, "left_children": [-1], "loss_changes": [0.0],
        "parents": [2147483647], "right_children": [-1], "split_conditions": [0.0], "split_indices": [0],
        "split_type": [0], "sum_hessian": [1.0],
        "tree_param": {"num_deleted": "0", "num_feature": num_feature, "num_nodes": "1", "size_leaf_vector": "0"}}
model = {"learner": {"attributes": {}, "feature_names": [], "feature_types": [],
                     "gradient_booster": {"model": {"gbtree_model_param": {"num_parallel_tree": "1",
                                                                           "num_trees": "1", "size_leaf_vector": "0"},
                                                    "tree_info": [0], "trees": [tree]},
                                          "name": "gbtree"},
                     "learner_model_param": {"base_score": repr(positive_rate), "boost_from_average": "0",
                                             "num_class": "0", "num_feature": num_feature, "num_target": "1"},
                     "objective": {"name": "binary:logistic", "reg_loss_param": {"scale_pos_weight": "1"}}},
         "version": [1, 7, 4]}
out = os.environ["PRODLINE_OUTPUT_DIR"]
with open(os.path.join(out, "model.json"), "w") as f:
    json.dump(model, f)
with open(os.path.join(out, "metrics.json"), "w") as f:
    json.dump({"train_positive_rate": positive_rate}, f)
