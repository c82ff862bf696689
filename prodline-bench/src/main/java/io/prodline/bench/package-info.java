/**
 * Benchmarks for docs/benchmarks.md: JMH benchmarks ({@code io.prodline.bench.jmh}) and plain Java drivers for
 * what JMH does not fit (a training data set for the Python comparison, a metadata store filled to a realistic
 * size, a pipeline of empty steps). Nothing here runs during the build; see each class for its command.
 */
package io.prodline.bench;
