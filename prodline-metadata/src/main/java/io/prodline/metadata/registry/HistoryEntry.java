package io.prodline.metadata.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited registry change: who did what, when and why. {@code subject} is the alias or tag name (null for
 * CREATE_MODEL and REGISTER_VERSION); {@code version} the version registered, aliased or tagged (null for the
 * model itself); {@code oldValue}/{@code newValue} what the alias or tag held before and after (null when absent).
 */
public record HistoryEntry(long id, String model, RegistryAction action, Integer version, String subject,
    String oldValue, String newValue, String actor, String reason, Instant time) {
  public HistoryEntry {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(time, "time");
  }
}
