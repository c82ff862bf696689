/**
 * The metadata store and its schema on JDBC: one implementation for SQLite (the embedded default: a file, WAL
 * mode, a busy timeout) and PostgreSQL (shared by a team). Plain SQL that both dialects run, the only difference
 * being how ids are generated; versioned migrations with Flyway under {@code db/migration}.
 *
 * <p>{@link io.prodline.metadata.store.jdbc.JdbcDatabase} owns connections, transactions and migrations and is
 * shared with the registry's JDBC implementation; the {@code …Table} classes are package-private and hold the SQL.
 */
package io.prodline.metadata.store.jdbc;
