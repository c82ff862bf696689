/**
 * The metadata store: the ML Metadata model of artifacts, executions and contexts joined by events, attributions
 * and associations, and the lineage queries over it.
 *
 * <p>Every entity is an immutable record; what to create is a {@code …Spec}, what was stored carries its id and
 * times. {@link io.prodline.metadata.store.MetadataStore} is the only role; the JDBC implementation for SQLite and
 * PostgreSQL lives in {@code io.prodline.metadata.store.jdbc}. This package depends on {@code prodline-core}'s
 * errors only, never on pipelines or serving.
 */
package io.prodline.metadata.store;
