/**
 * The management API, on its own port and behind a bearer token: list models and version states, unload a
 * version, reload a model, roll back, move labels. Requests are decided by {@link ManagementApi} without sockets;
 * {@link ManagementChannelInitializer} puts it on the wire. It acts only through
 * {@link io.prodline.serving.repository.ModelRepository}, never on the lifecycle directly.
 */
package io.prodline.serving.management;
