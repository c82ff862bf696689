/**
 * Kubernetes probes: {@code /healthz} (the process answers) and {@code /readyz} (every configured model has a
 * version that can predict, and the server is not stopping). Neither names a model, so one probe fits every
 * deployment.
 */
package io.prodline.serving.health;
