package io.prodline.serving.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * Everything a source wants for one model: the versions to serve and the labels that name some of them
 * (e.g. {@code stable → 3}). A label pointing to a version that is not serving answers 404 until it is.
 */
public record AspiredModel(List<AspiredVersion> versions, Map<String, Long> labels) {
  public AspiredModel {
    versions = List.copyOf(versions);
    labels = Map.copyOf(labels);
  }
}
