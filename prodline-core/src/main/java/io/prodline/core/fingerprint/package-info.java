/** Content fingerprints (SHA-256) that identify data and models by their bytes, not their paths. */
package io.prodline.core.fingerprint;
