package io.prodline.serving.protocol;

import io.prodline.serving.lifecycle.VersionState;
import io.prodline.serving.lifecycle.VersionStatus;

/**
 * A version's status as TF Serving reports it, the same on REST ({@link StatusResponse}) and gRPC
 * ({@code GetModelStatus}).
 *
 * <p>States are TF Serving's: {@code START} (about to load), {@code LOADING}, {@code AVAILABLE}, {@code UNLOADING},
 * {@code END}, each with {@code OK}. A version that failed is reported as TF Serving reports a servable whose load
 * failed: state {@code END} (it reached the end of its life without serving), error code {@code UNKNOWN} and the
 * error as message, so operators see why it is not serving.
 *
 * @param state the name of TF Serving's {@code ModelVersionStatus.State}
 * @param errorCode the name of TensorFlow's {@code error.Code}
 * @param errorMessage empty unless the version failed
 */
public record TfServingVersionStatus(long version, String state, String errorCode, String errorMessage) {
  public static TfServingVersionStatus of(VersionStatus v) {
    return v.state() == VersionState.ERROR
        ? new TfServingVersionStatus(v.version(), "END", "UNKNOWN", v.error())
        : new TfServingVersionStatus(v.version(), v.state() == VersionState.NEW ? "START" : v.state().name(), "OK",
            "");
  }
}
