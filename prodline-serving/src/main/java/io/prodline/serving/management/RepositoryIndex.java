package io.prodline.serving.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prodline.serving.lifecycle.ServingSnapshot;
import io.prodline.serving.lifecycle.VersionState;
import io.prodline.serving.lifecycle.VersionStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Triton's model repository index ({@code POST /v2/repository/index}): every model in the repository directory,
 * loaded or not, one entry per version the server knows of, in Triton's states: READY (serving), LOADING,
 * UNLOADING, UNAVAILABLE (failed, with the reason, or unloaded). A model with no version loaded is one entry without
 * a version, UNAVAILABLE.
 */
public final class RepositoryIndex {
  private RepositoryIndex() {}

  /** One model version (or a model with none loaded: no version), as Triton's index lists it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(String name, String version, String state, String reason) {}

  /**
   * @param onDisk the models in the repository directory
   * @param readyOnly Triton's {@code "ready": true}: only the versions that can answer now
   */
  static List<Entry> of(List<String> onDisk, ServingSnapshot served, boolean readyOnly) {
    List<Entry> entries = new ArrayList<>();
    for (String model : onDisk) {
      List<VersionStatus> statuses = served.contains(model) ? served.model(model).statuses() : List.of();
      if (statuses.isEmpty() && !readyOnly) {
        entries.add(new Entry(model, null, "UNAVAILABLE", "unloaded"));
      }
      for (VersionStatus status : statuses) {
        String state = state(status.state());
        if (!readyOnly || state.equals("READY")) {
          String reason = status.error() != null ? status.error()
              : status.state() == VersionState.END ? "unloaded" : null;
          entries.add(new Entry(model, Long.toString(status.version()), state, reason));
        }
      }
    }
    return entries;
  }

  private static String state(VersionState state) {
    return switch (state) {
      case AVAILABLE -> "READY";
      case NEW, LOADING -> "LOADING";
      case UNLOADING -> "UNLOADING";
      case END, ERROR -> "UNAVAILABLE";
    };
  }
}
