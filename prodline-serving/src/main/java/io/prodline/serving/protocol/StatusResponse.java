package io.prodline.serving.protocol;

import io.prodline.serving.lifecycle.VersionStatus;
import java.util.List;

/**
 * TF Serving's model status answer, {@code {"model_version_status": [...]}}, one entry per version, newest first,
 * each as {@link TfServingVersionStatus} tells.
 */
public final class StatusResponse {
  private record Body(List<Entry> modelVersionStatus) {}

  private record Entry(String version, String state, Status status) {}

  private record Status(String errorCode, String errorMessage) {}

  private StatusResponse() {}

  public static byte[] encode(List<VersionStatus> versions) {
    return Json.write(new Body(versions.stream().map(StatusResponse::entry).toList()));
  }

  private static Entry entry(VersionStatus v) {
    TfServingVersionStatus status = TfServingVersionStatus.of(v);
    return new Entry(Long.toString(status.version()), status.state(),
        new Status(status.errorCode(), status.errorMessage()));
  }
}
