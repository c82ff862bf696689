/** Seeded synthetic data of known structure, for benchmarks and drift experiments. */
package io.prodline.data.synthetic;
