package io.prodline.serving.protocol;

import io.prodline.serving.repository.ModelVersion;
import java.util.List;

/**
 * TF Serving's model status answer, {@code {"model_version_status": [...]}}, one entry per version, newest first.
 *
 * <p>A loaded version is {@code AVAILABLE} with {@code OK}. A version that failed to load is reported as TF Serving
 * reports a servable whose load failed: state {@code END} (it reached the end of its life without serving),
 * error code {@code UNKNOWN} and the load error as message, so operators see why it is not serving.
 */
public final class StatusResponse {
  private record Body(List<VersionStatus> modelVersionStatus) {}

  private record VersionStatus(String version, String state, Status status) {}

  private record Status(String errorCode, String errorMessage) {}

  private StatusResponse() {}

  public static byte[] encode(List<ModelVersion> versions) {
    return Json.write(new Body(versions.stream().map(StatusResponse::status).toList()));
  }

  private static VersionStatus status(ModelVersion v) {
    String version = Long.toString(v.version());
    return v.isAvailable()
        ? new VersionStatus(version, "AVAILABLE", new Status("OK", ""))
        : new VersionStatus(version, "END", new Status("UNKNOWN", v.error()));
  }
}
