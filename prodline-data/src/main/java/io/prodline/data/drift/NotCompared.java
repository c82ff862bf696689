package io.prodline.data.drift;

/**
 * A feature of either data set that was not compared, and why: it is absent from one side, of a different kind on
 * each side (e.g. a column that reads as numbers in one file and as text in the other), or has no value on a side.
 *
 * @param name the feature
 * @param reason one sentence, e.g. "it is numeric (float64) in the baseline but categorical (string) in the
 *     current data"
 */
public record NotCompared(String name, String reason) {}
