package io.prodline.serving.rest;

import java.util.List;

/**
 * Paths served beside the model API, such as health probes or metrics, each answering {@code GET} only (the port
 * finds them through {@link ExtraEndpoints}). Asked before the API's own routes and answered on the event loop, so
 * {@link #get} must be quick and must never wait.
 */
public interface ExtraEndpoint {
  /** The paths it answers. */
  List<String> paths();

  /** The answer to {@code GET path}, {@code path} being one of {@link #paths}. */
  ApiResponse get(String path);
}
