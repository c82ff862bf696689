package io.prodline.data.drift;

/**
 * One value of a categorical comparison with its frequency (share of non-missing values) on each side. The
 * value null stands for all values outside the sides' top-value lists ("other").
 */
public record ComparedValue(String value, double baseline, double current) {}
