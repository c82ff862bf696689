package io.prodline.serving.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Latest N, all and specific versions, as pure functions of the versions on disk. */
class VersionPolicyTest {
  private static final NavigableSet<Long> ON_DISK = new TreeSet<>(List.of(1L, 2L, 5L, 9L));

  @Test
  void selects() {
    assertThat(VersionPolicy.DEFAULT.select(ON_DISK)).containsExactly(9L);
    assertThat(new VersionPolicy.Latest(2).select(ON_DISK)).containsExactly(5L, 9L);
    assertThat(new VersionPolicy.Latest(10).select(ON_DISK)).containsExactly(1L, 2L, 5L, 9L);
    assertThat(new VersionPolicy.All().select(ON_DISK)).containsExactly(1L, 2L, 5L, 9L);
    assertThat(new VersionPolicy.Specific(Set.of(2L, 3L)).select(ON_DISK)).containsExactly(2L);
    assertThat(new VersionPolicy.Latest(1).select(new TreeSet<>())).isEmpty();
  }

  @Test
  void sameInputSameAnswerAndTheInputIsNotTouched() {
    VersionPolicy policy = new VersionPolicy.Latest(2);
    assertThat(policy.select(ON_DISK)).isEqualTo(policy.select(ON_DISK));
    assertThat(ON_DISK).containsExactly(1L, 2L, 5L, 9L);
  }

  @Test
  void rejectsEmptyPolicies() {
    assertThatThrownBy(() -> new VersionPolicy.Latest(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new VersionPolicy.Specific(Set.of())).hasMessageContaining("at least one");
  }
}
