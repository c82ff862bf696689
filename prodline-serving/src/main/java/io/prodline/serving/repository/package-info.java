/**
 * The model repository: the models and versions found under one directory ({@code ROOT/<name>/<version>/}),
 * loaded once at start-up. A version that cannot be loaded is kept with its error so the server reports it
 * instead of failing, and the other versions keep serving.
 */
package io.prodline.serving.repository;
