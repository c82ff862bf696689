/**
 * The runtime contract: a loaded model maps a float matrix to a float matrix. Implementations live in
 * sub-packages named for what they wrap (e.g. {@code runtime.xgboost}) and are found by {@link java.util.ServiceLoader}.
 */
package io.prodline.core.runtime;
