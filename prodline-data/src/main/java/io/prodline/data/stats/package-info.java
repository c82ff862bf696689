/**
 * StatisticsGen: per-feature statistics of a stream of {@link io.prodline.core.frame.Frame}s, computed in one
 * pass with mergeable combiners, so that data larger than memory works and partial results computed anywhere
 * (threads, processes, a cluster) can be merged in any order.
 *
 * <p>Every statistic family is a {@link io.prodline.data.stats.Combiner} with the same verbs: {@code create}
 * (a static factory for the empty state), {@code add} a column, {@code merge} another partial state,
 * {@code result}, and {@code toBytes}/{@code fromBytes} with a format id and version ({@link
 * io.prodline.data.stats.StatisticFormat}). Each combiner's javadoc states its error bound; the sketches come
 * from Apache DataSketches (KLL quantiles, HLL distinct counts, frequent items). {@link
 * io.prodline.data.stats.StatisticsCollector} drives the combiners over a frame stream on a thread pool.
 *
 * <p>Field names of the JSON form and their definitions are documented in {@code docs/statistics.md}.
 * Depends on {@code prodline-core} (frames, errors) and DataSketches only; not on data sources.
 */
package io.prodline.data.stats;
