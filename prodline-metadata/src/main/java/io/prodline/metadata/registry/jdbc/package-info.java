/**
 * The model registry on the metadata store's {@link io.prodline.metadata.store.jdbc.JdbcDatabase}: the same
 * SQLite file or PostgreSQL schema, tables added by the {@code V2__model_registry} migration.
 */
package io.prodline.metadata.registry.jdbc;
