package io.prodline.serving.protocol;

import io.prodline.serving.lifecycle.VersionState;
import io.prodline.serving.lifecycle.VersionStatus;
import java.util.List;

/**
 * TF Serving's model status answer, {@code {"model_version_status": [...]}}, one entry per version, newest first.
 *
 * <p>States are TF Serving's: {@code START} (about to load), {@code LOADING}, {@code AVAILABLE}, {@code UNLOADING},
 * {@code END}, each with {@code OK}. A version that failed is reported as TF Serving reports a servable whose load
 * failed: state {@code END} (it reached the end of its life without serving), error code {@code UNKNOWN} and the
 * error as message, so operators see why it is not serving.
 */
public final class StatusResponse {
  private record Body(List<Entry> modelVersionStatus) {}

  private record Entry(String version, String state, Status status) {}

  private record Status(String errorCode, String errorMessage) {}

  private StatusResponse() {}

  public static byte[] encode(List<VersionStatus> versions) {
    return Json.write(new Body(versions.stream().map(StatusResponse::status).toList()));
  }

  private static Entry status(VersionStatus v) {
    String version = Long.toString(v.version());
    return v.state() == VersionState.ERROR
        ? new Entry(version, "END", new Status("UNKNOWN", v.error()))
        : new Entry(version, tfServingState(v.state()), new Status("OK", ""));
  }

  private static String tfServingState(VersionState state) {
    return state == VersionState.NEW ? "START" : state.name();
  }
}
