/**
 * The model registry: registered models, their immutable versions (bundle fingerprint, source run, metrics),
 * movable aliases such as {@code champion} and {@code challenger}, tags, and an audited history of every change
 * (who, when, why, what) from which a rollback finds the version an alias pointed to before.
 *
 * <p>{@link io.prodline.metadata.registry.ModelRegistry} is the role; it lives in the same database as the
 * metadata store so a version can name the execution that produced it. The JDBC implementation is in
 * {@code io.prodline.metadata.registry.jdbc}.
 */
package io.prodline.metadata.registry;
