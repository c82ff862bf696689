package io.prodline.metadata.registry;

import io.prodline.metadata.store.Names;

/** Who makes a registry change and why; every change is written to the model's history with it. */
public record Audit(String actor, String reason) {
  public Audit {
    Names.require(actor, "who makes the change (actor)");
    reason = reason == null ? "" : reason;
  }
}
