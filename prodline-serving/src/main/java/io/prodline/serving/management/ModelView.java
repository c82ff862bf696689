package io.prodline.serving.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.VersionStatus;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A model as the management API shows it: every version with its internal state (NEW, LOADING, AVAILABLE,
 * UNLOADING, END, ERROR) and error, the labels, the version serving by default and the rollback pin.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelView(String name, Long servingVersion, Long pinnedVersion, Map<String, Long> labels,
    List<Version> versions) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Version(long version, String state, String error) {}

  static ModelView of(ModelSnapshot model, OptionalLong pinned) {
    OptionalLong serving = model.defaultVersion();
    List<Version> versions = model.statuses().stream().map(ModelView::version).toList();
    return new ModelView(model.name(), serving.isPresent() ? serving.getAsLong() : null,
        pinned.isPresent() ? pinned.getAsLong() : null, model.labels(), versions);
  }

  /** A model whose versions are all unloaded. */
  static ModelView empty(String name, OptionalLong pinned) {
    return new ModelView(name, null, pinned.isPresent() ? pinned.getAsLong() : null, Map.of(), List.of());
  }

  private static Version version(VersionStatus status) {
    return new Version(status.version(), status.state().name(), status.error());
  }
}
