/**
 * Number representations shared across modules: floats as order-preserving ints
 * ({@link io.prodline.core.numbers.SortableFloats}).
 */
package io.prodline.core.numbers;
