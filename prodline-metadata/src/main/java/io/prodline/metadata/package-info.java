/**
 * Opening the metadata database: {@link io.prodline.metadata.MetadataStores#open} picks SQLite under the home
 * directory or PostgreSQL from a URL and hands out the {@link io.prodline.metadata.store.MetadataStore} and the
 * {@link io.prodline.metadata.registry.ModelRegistry} that share it.
 */
package io.prodline.metadata;
