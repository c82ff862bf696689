/**
 * Lock-free hand-off between request threads and one background thread (batching, prediction logging): bounded,
 * refusing instead of blocking when full. Used only inside the server; depends on nothing of it.
 */
package io.prodline.serving.handoff;
