package io.prodline.metadata.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rollback rule as a table: alias history in, target version out. */
class AliasHistoryTest {
  @Test
  void rollbackTargetFollowsTheHistoryOfThatAliasOnly() {
    assertThat(target(List.of())).isEmpty();
    assertThat(target(List.of(set(1)))).isEmpty();
    assertThat(target(List.of(set(1), set(2)))).contains(1);
    assertThat(target(List.of(set(1), set(2), set(3)))).contains(2);
    assertThat(target(List.of(set(1), set(2), set(3), rollback(2)))).contains(1);
    assertThat(target(List.of(set(1), set(2), rollback(1)))).isEmpty();
    assertThat(target(List.of(set(1), set(2), remove(2), set(3)))).isEmpty();
    assertThat(target(List.of(set(1), set(2), entry(RegistryAction.SET_ALIAS, 7, "challenger")))).contains(1);
    assertThat(target(List.of(set(1), entry(RegistryAction.REGISTER_VERSION, 2, null), set(2)))).contains(1);
  }

  private static Optional<Integer> target(List<HistoryEntry> history) {
    return AliasHistory.rollbackTarget("champion", new ArrayList<>(history));
  }

  private static HistoryEntry set(int version) {
    return entry(RegistryAction.SET_ALIAS, version, "champion");
  }

  private static HistoryEntry rollback(int version) {
    return entry(RegistryAction.ROLLBACK_ALIAS, version, "champion");
  }

  private static HistoryEntry remove(int version) {
    return entry(RegistryAction.REMOVE_ALIAS, version, "champion");
  }

  private static HistoryEntry entry(RegistryAction action, int version, String subject) {
    return new HistoryEntry(0, "m", action, version, subject, null, null, "test", "", Instant.EPOCH);
  }
}
