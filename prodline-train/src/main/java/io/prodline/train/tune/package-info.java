/** Hyper-parameter search: random, grid and successive halving over a YAML search space, trials in parallel. */
package io.prodline.train.tune;
